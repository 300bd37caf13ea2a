using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperTune.Coordinator.Tests;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

[Collection(DashboardCollection.Name)]
public sealed class TrialPageTests(DashboardFixture fixture)
{
    private const string LatestEpoch = "[data-testid='epoch-table'] tr[data-testid='epoch-row']";

    [Fact]
    public async Task DecayButton_RunningTrial_MarksTheChangeAndTheNextEpochTrainsAtHalfTheRate()
    {
        var studyId = await CreateAsync(TestSpecs.Endless("decay"));
        var trialId = studyId + "-0001";
        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync($"/trials/{trialId}");
            await Expect(page.Locator(LatestEpoch).First).ToBeVisibleAsync();
            var before = Rate(await page.Locator(LatestEpoch).First.GetAttributeAsync("data-lr"));
            Assert.Equal(0.01, before, 12);
            await Expect(page.Locator("[data-testid='lr-marker']")).ToHaveCountAsync(0);

            await page.GetByTestId("decay-half").ClickAsync();
            await Expect(page.GetByTestId("command-message")).ToContainTextAsync("accepted");

            // The change is marked on the learning-rate curve, where the user's command took effect…
            var marker = page.Locator("[data-testid='trial-lr-chart'] [data-testid='lr-marker'][data-source='user']");
            await Expect(marker).ToHaveCountAsync(1);
            var changedIn = int.Parse(await marker.GetAttributeAsync("data-epoch") ?? "0", CultureInfo.InvariantCulture);
            await Expect(page.Locator("[data-testid='lr-change'][data-source='user']")).ToContainTextAsync("0.005");

            // …and the latest epoch, from the one the change took effect in on, trains at half the rate.
            await Expect(page.Locator($"{LatestEpoch}[data-epoch='{changedIn}']")).ToHaveAttributeAsync("data-lr", "0.005");
            await page.WaitForFunctionAsync(
                "([selector, epoch]) => { const row = document.querySelector(selector); return row && Number(row.dataset.epoch) > epoch; }",
                new object[] { LatestEpoch, changedIn });
            Assert.Equal(before * 0.5, Rate(await page.Locator(LatestEpoch).First.GetAttributeAsync("data-lr")), 12);
            await Expect(page.GetByTestId("trial-lr")).ToHaveTextAsync("0.005");
            await page.Context.CloseAsync();
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/studies/{studyId}/stop", null);
        }
    }

    [Fact]
    public async Task Buttons_PauseResumeStop_ChangeTheTrialAndRefusalsAreShown()
    {
        var studyId = await CreateAsync(TestSpecs.Endless("buttons"));
        var trialId = studyId + "-0001";
        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync($"/trials/{trialId}");
            await Expect(page.GetByTestId("trial-state")).ToHaveTextAsync("Running");

            await page.GetByTestId("pause").ClickAsync();
            await Expect(page.GetByTestId("trial-state")).ToHaveTextAsync("Paused");
            await page.GetByTestId("resume").ClickAsync();
            await Expect(page.GetByTestId("trial-state")).ToHaveTextAsync("Running");

            await page.GetByTestId("decay-factor").FillAsync("-2");
            await page.GetByTestId("decay").ClickAsync();
            await Expect(page.GetByTestId("command-error")).ToContainTextAsync("positive number");

            await page.GetByTestId("set-lr-value").FillAsync("0.002");
            await page.GetByTestId("set-lr").ClickAsync();
            await Expect(page.Locator("[data-testid='lr-change'][data-source='user']")).ToContainTextAsync("0.002");

            await page.GetByTestId("stop").ClickAsync();
            await Expect(page.GetByTestId("trial-state")).ToHaveTextAsync("Stopped");
            await Expect(page.GetByTestId("decay-half")).ToBeDisabledAsync();
            await page.Context.CloseAsync();
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/studies/{studyId}/stop", null);
        }
    }

    [Fact]
    public async Task ForkButton_TrainingTrial_AForkAppearsAndTrainsFromTheSourcesEpochWithTheNewRate()
    {
        // One synthetic trial (the grid has one config) that trains until stopped, a checkpoint every epoch, room for a fork.
        const string spec = """
            { "name": "fork-button", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.2},
              "search_space": { "learning_rate": 0.002, "optimizer": "adam", "epochs": 100000 },
              "searcher": {"kind": "grid"},
              "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 100000},
              "checkpoint_interval": 1 }
            """;
        var studyId = await CreateAsync(spec);
        var source = studyId + "-0001";
        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync($"/trials/{source}");
            await Expect(page.Locator("[data-testid='checkpoints'] td").First).ToBeVisibleAsync();

            await page.GetByTestId("fork").ClickAsync();
            await page.GetByTestId("fork-lr").FillAsync("1e-4");
            await page.GetByTestId("fork-start").ClickAsync();
            var link = page.GetByTestId("fork-link");
            await Expect(link).ToBeVisibleAsync();
            var fork = (await link.TextContentAsync())!.Trim();
            Assert.Equal(studyId + "-0002", fork);
            await Expect(page.GetByTestId("fork-of")).ToHaveTextAsync(fork);
            // The source trains on.
            await Expect(page.GetByTestId("trial-state")).ToHaveTextAsync("Running");

            await link.ClickAsync();
            await Expect(page.GetByTestId("forked-from")).ToHaveTextAsync(source);
            await Expect(page.Locator("[data-testid='trial-event'][data-kind='forked']")).ToContainTextAsync(source);
            using var details = JsonDocument.Parse(await fixture.Api.GetStringAsync($"/api/trials/{fork}"));
            var from = details.RootElement.GetProperty("trial").GetProperty("forkedFrom").GetProperty("sourceEpoch").GetInt32();
            Assert.True(from >= 1);

            // Its first epoch is the one after the source's checkpoint, at the new rate.
            var first = page.Locator($"{LatestEpoch}[data-epoch='{from + 1}']");
            await Expect(first).ToHaveAttributeAsync("data-lr", "0.0001");
            await Expect(page.Locator($"{LatestEpoch}[data-epoch='{from}']")).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        }
        finally
        {
            using var _ = await fixture.Api.PostAsync($"/api/studies/{studyId}/stop", null);
        }
    }

    private async Task<string> CreateAsync(string spec)
    {
        using var created = await fixture.Api.PostAsync("/api/studies", new StringContent(spec, Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studyId").GetString()!;
    }

    private static double Rate(string? text) => double.Parse(text ?? "NaN", CultureInfo.InvariantCulture);
}
