using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

[Collection(DashboardCollection.Name)]
public sealed class RangeTestPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task RangeTestPage_CompletedTest_DrawsTheCurveWithTheSuggestionInsideTheBoundsAndItsNumbers()
    {
        var id = await StartAsync("""{"name":"x","dataset":{"kind":"digits"},"search_space":{"optimizer":"adam","hidden_units":32,"hidden_layers":1}}""");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/lr-range-tests/{id}");

        var panel = page.GetByTestId("range-test");
        await Expect(panel).ToHaveAttributeAsync("data-state", "Completed");
        var smoothed = page.Locator("[data-testid='range-test-chart'] path.curve[data-series='smoothed']");
        var points = int.Parse(await smoothed.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(points, 6, 100);
        Assert.StartsWith("M", await smoothed.GetAttributeAsync("d"), StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid='range-test-chart'] path.curve[data-series='loss']")).ToHaveAttributeAsync("data-points", points.ToString(CultureInfo.InvariantCulture));

        var bounds = page.GetByTestId("lr-bounds");
        var (low, high) = (Number(await bounds.GetAttributeAsync("data-low")), Number(await bounds.GetAttributeAsync("data-high")));
        var suggested = Number(await page.GetByTestId("lr-suggestion").GetAttributeAsync("data-lr"));
        Assert.True(low < high && low <= suggested && suggested <= high, $"{low} {suggested} {high}");
        Assert.InRange(suggested, 1e-4, 1e-1);
        Assert.True(Number(await bounds.GetAttributeAsync("width")) >= 1);
        await Expect(page.GetByTestId("lr-minimum")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("stop-reason")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("proposed-bounds")).ToContainTextAsync("log-uniform");
        Assert.Equal(suggested, Number(await page.GetByTestId("suggested-lr").TextContentAsync()), suggested * 1e-3);
        await Expect(page.GetByTestId("range-test-progress")).ToHaveCountAsync(0);
        // The x axis is labelled in decades of the learning rate.
        await Expect(page.Locator("[data-testid='range-test-chart'] text", new() { HasTextString = "1e-7" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Screenshot("range-test-page.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RangeTestPage_RunningTest_ShowsItsProgressGrowWithoutReload()
    {
        // A slower ramp (a wider model on big batches: some seconds; never diverging below 1e-3) that a page can watch.
        var id = await StartAsync("""
            {"name":"slow","dataset":{"kind":"digits"},
             "search_space":{"hidden_units":512,"hidden_layers":3,"batch_size":512},
             "lr_range_test":{"steps":150,"end_lr":1e-3}}
            """);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/lr-range-tests/{id}");

        var progress = page.Locator("[data-testid='range-test-progress'] b");
        await Expect(page.GetByTestId("range-test")).ToHaveAttributeAsync("data-state", "Running");
        await Expect(progress).Not.ToHaveTextAsync("0");
        var first = int.Parse(await progress.TextContentAsync() ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(first, 1, 149);
        await page.WaitForFunctionAsync(
            "([selector, n]) => Number(document.querySelector(selector)?.textContent) > n",
            new object[] { "[data-testid='range-test-progress'] b", first });
        await Expect(page.Locator("[data-testid='range-test-chart'] path.curve[data-series='smoothed']")).Not.ToHaveAttributeAsync("data-points", "0");

        await Expect(page.GetByTestId("range-test")).ToHaveAttributeAsync("data-state", "Completed", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("lr-suggestion")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RangeTestPage_UnknownId_SaysSo()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/lr-range-tests/lrt-00000000");

        await Expect(page.GetByTestId("range-test-missing")).ToHaveTextAsync("No range test has this id.");
        await Expect(page.GetByTestId("range-test")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Where a test saves a screenshot to look at (under the test output, never compared).</summary>
    [Fact]
    public async Task RangeTestsPage_CompletedTest_IsListedAndUseTheseBoundsPrefillsTheForm()
    {
        var id = await StartAsync("""{"name":"x","dataset":{"kind":"blobs","samples":300},"search_space":{"optimizer":"adam","hidden_units":16,"hidden_layers":1},"seed":2}""");
        var test = await EndedAsync(id);
        Assert.Equal("Completed", test.GetProperty("state").GetString());
        var (low, high) = (test.GetProperty("result").GetProperty("searchLow").GetDouble(), test.GetProperty("result").GetProperty("searchHigh").GetDouble());
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/lr-range-tests");

        var row = page.Locator($"[data-testid='range-test-list'] tr[data-test='{id}']");
        await Expect(row).ToContainTextAsync("Completed");
        await Expect(row).ToContainTextAsync("blobs");
        await page.ScreenshotAsync(new() { Path = Screenshot("range-tests-page.png"), FullPage = true });
        await row.GetByTestId("use-bounds").ClickAsync();

        await page.WaitForURLAsync("**/?lr_low=*");
        await Expect(page.GetByTestId("prefill-note")).ToContainTextAsync(id);
        using var space = JsonDocument.Parse(await page.Locator("[data-field='$.search_space'] textarea").InputValueAsync());
        var rate = space.RootElement.GetProperty("learning_rate");
        Assert.Equal("loguniform", rate.GetProperty("type").GetString());
        Assert.Equal(low, rate.GetProperty("low").GetDouble(), low * 1e-9);
        Assert.Equal(high, rate.GetProperty("high").GetDouble(), high * 1e-9);
        await page.Context.CloseAsync();
    }

    private async Task<JsonElement> EndedAsync(string id)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/lr-range-tests/{id}");
        await Expect(page.GetByTestId("range-test")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(Completed|Failed)$"));
        await page.Context.CloseAsync();
        return await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/lr-range-tests/{id}");
    }

    internal static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    private async Task<string> StartAsync(string spec)
    {
        using var started = await fixture.Api.PostAsync("/api/lr-range-tests", new StringContent(spec, Encoding.UTF8, "application/json"));
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static double Number(string? text) => double.Parse(text ?? "NaN", CultureInfo.InvariantCulture);
}
