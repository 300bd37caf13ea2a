using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.Coordinator.Tests;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

[Collection(DashboardCollection.Name)]
public sealed class StudyPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task StudyPage_RunningStudy_CurveGrowsWithoutReload()
    {
        var studyId = await CreateAsync(TestSpecs.Endless("grow"));
        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync($"/studies/{studyId}");
            var curve = page.Locator($"[data-testid='loss-chart'] path.curve[data-trial='{studyId}-0001']");
            await Expect(curve).Not.ToHaveAttributeAsync("data-points", "0");
            var first = await PointsAsync(curve);

            // The page is never reloaded: the same element gains points as epochs are reported.
            await page.WaitForFunctionAsync(
                "([selector, n]) => Number(document.querySelector(selector)?.getAttribute('data-points')) >= n + 3",
                new object[] { $"[data-testid='loss-chart'] path.curve[data-trial='{studyId}-0001']", first });
            Assert.True(await PointsAsync(curve) >= first + 3);
            Assert.StartsWith("M", await curve.GetAttributeAsync("d"), StringComparison.Ordinal);
            await Expect(page.Locator($"[data-testid='trial-table'] tr[data-trial='{studyId}-0001']")).ToContainTextAsync("Running");
            await page.Context.CloseAsync();
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/studies/{studyId}/stop", null);
        }
    }

    [Fact]
    public async Task StudyPage_FinishedStudy_ShowsBestTrialTableParallelCoordinatesAndImportance()
    {
        var studyId = await CreateAsync("""
            { "name": "results", "dataset": {"kind": "blobs", "samples": 200},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 0.3}, "hidden_units": {"type": "choice", "values": [4, 16]}, "hidden_layers": 1 },
              "searcher": {"kind": "random"},
              "budget": {"max_trials": 6, "max_concurrent_trials": 4, "max_epochs_per_trial": 3},
              "checkpoint_interval": 0, "seed": 11 }
            """);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/studies/{studyId}");

        await Expect(page.GetByTestId("study-state")).ToHaveTextAsync("Completed");
        await Expect(page.GetByTestId("best-trial")).ToContainTextAsync(studyId + "-");
        await Expect(page.Locator("[data-testid='trial-table'] tbody tr")).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid='parallel-coordinates'] polyline")).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid='importance'] tr[data-parameter='learning_rate']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='lr-chart'] path.curve")).ToHaveCountAsync(6);

        // Sort by the best value, descending: the first row is the best trial.
        var header = page.Locator("[data-testid='trial-table'] th[data-column='best']");
        await header.ClickAsync();
        await Expect(header).ToHaveClassAsync("sorted desc");
        await Expect(page.Locator("[data-testid='trial-table'] tbody tr").First).ToHaveClassAsync("best");

        // Filter by a hyperparameter value (this seed draws both values).
        await page.GetByTestId("trial-filter").FillAsync("hidden_units=16");
        await page.WaitForFunctionAsync("() => document.querySelectorAll(\"[data-testid='trial-table'] tbody tr\").length < 6");
        var rows = page.Locator("[data-testid='trial-table'] tbody tr");
        Assert.InRange(await rows.CountAsync(), 1, 5);
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row).ToContainTextAsync("16");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StudyPage_StudyWithRangeTest_ShowsTheTestsPanelAndSearchesBetweenItsBounds()
    {
        var studyId = await CreateAsync("""
            { "name": "lr-find-first", "dataset": {"kind": "digits"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-5, "high": 1}, "optimizer": "adam", "hidden_units": 32, "hidden_layers": 1 },
              "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 1},
              "checkpoint_interval": 0, "seed": 5,
              "lr_range_test": {} }
            """);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/studies/{studyId}");

        await Expect(page.GetByTestId("range-test")).ToHaveAttributeAsync("data-state", "Completed");
        var bounds = page.GetByTestId("lr-bounds");
        var (low, high) = (Number(await bounds.GetAttributeAsync("data-low")), Number(await bounds.GetAttributeAsync("data-high")));
        Assert.True(low < high, $"{low} {high}");
        await Expect(page.Locator("[data-testid='range-test-chart'] path.curve[data-series='smoothed']")).Not.ToHaveAttributeAsync("data-points", "0");
        await Expect(page.GetByTestId("suggested-lr")).Not.ToBeEmptyAsync();

        // The trials that follow search the learning rate between the test's bounds.
        await Expect(page.GetByTestId("study-state")).ToHaveTextAsync("Completed");
        var trials = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/trials");
        Assert.Equal(2, trials.GetArrayLength());
        Assert.All(trials.EnumerateArray(), t => Assert.InRange(t.GetProperty("config").GetProperty("learning_rate").GetDouble(), low, high));
        await page.ScreenshotAsync(new() { Path = RangeTestPageTests.Screenshot("study-page-range-test.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private async Task<string> CreateAsync(string spec)
    {
        using var created = await fixture.Api.PostAsync("/api/studies", new StringContent(spec, Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studyId").GetString()!;
    }

    private static double Number(string? text) => double.Parse(text ?? "NaN", CultureInfo.InvariantCulture);

    private static async Task<int> PointsAsync(ILocator curve) =>
        int.Parse(await curve.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);
}
