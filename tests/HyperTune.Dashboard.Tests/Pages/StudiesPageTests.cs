using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Pages;

[Collection(DashboardCollection.Name)]
public sealed class StudiesPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CreateForm_NoTrialsInBudget_ShowsErrorBesideMaxTrials()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var maxTrials = page.Locator("[data-field='$.budget.max_trials']");
        await maxTrials.Locator("input").FillAsync("0");
        await page.GetByTestId("create").ClickAsync();

        await Expect(maxTrials.Locator(".field-error")).ToContainTextAsync("must be at least 1");
        await Expect(maxTrials.Locator("input")).ToHaveClassAsync("invalid");
        await Expect(page.Locator("[data-field='$.name'] .field-error")).ToHaveCountAsync(0);
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal); // no study was created, the page stayed
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateForm_BadSearchSpace_ShowsErrorsBesideSearchSpace()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var space = page.Locator("[data-field='$.search_space']");
        await space.Locator("textarea").FillAsync("""{ "learning_rate": { "type": "loguniform", "low": -1, "high": 1 } }""");
        await page.GetByTestId("create").ClickAsync();

        await Expect(space.Locator(".field-error").First).ToContainTextAsync("learning_rate");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PastedJson_InvalidSpec_ListsEveryProblemWithItsPath()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("json-tab").ClickAsync();
        await page.GetByTestId("spec-json").FillAsync(Coordinator.Tests.TestSpecs.Invalid);
        await page.GetByTestId("create").ClickAsync();

        var errors = page.GetByTestId("json-errors");
        await Expect(errors).ToContainTextAsync("$.dataset.kind");
        await Expect(errors).ToContainTextAsync("$.budget.max_trials");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateForm_ValidSpec_OpensTheNewStudyAndListsIt()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-field='$.name'] input").FillAsync("from-the-form");
        await page.Locator("[data-field='$.dataset.kind'] select").SelectOptionAsync("blobs");
        await page.Locator("[data-field='$.budget.max_trials'] input").FillAsync("2");
        await page.Locator("[data-field='$.budget.max_epochs_per_trial'] input").FillAsync("2");
        await page.Locator("[data-field='$.checkpoint_interval'] input").FillAsync("0");
        await page.GetByTestId("create").ClickAsync();

        await page.WaitForURLAsync("**/studies/from-the-form-*");
        await Expect(page.GetByTestId("study-state")).ToHaveTextAsync("Completed");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("study-list")).ToContainTextAsync("from-the-form");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateForm_TpeSearcherAndAshaScheduler_CreatesTheStudyWithThemAndTheirOptions()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-field='$.name'] input").FillAsync("form-tpe-asha");
        await page.Locator("[data-field='$.dataset.kind'] select").SelectOptionAsync("blobs");
        await page.Locator("[data-field='$.searcher.kind'] select").SelectOptionAsync("tpe");
        await page.Locator("[data-field='$.searcher.n_startup_trials'] input").FillAsync("2");
        await page.Locator("[data-field='$.searcher.constant_liar'] select").SelectOptionAsync("false");
        await page.Locator("[data-field='$.scheduler.kind'] select").SelectOptionAsync("asha");
        await Expect(page.Locator("[data-field='$.scheduler.grace_period'] input")).ToHaveAttributeAsync("placeholder", "default 1");
        await page.Locator("[data-field='$.scheduler.reduction_factor'] input").FillAsync("2");
        await page.Locator("[data-field='$.budget.max_trials'] input").FillAsync("3");
        await page.Locator("[data-field='$.budget.max_epochs_per_trial'] input").FillAsync("2");
        await page.Locator("[data-field='$.budget.wall_clock_limit'] input").FillAsync("00:10:00");
        await page.Locator("[data-field='$.checkpoint_interval'] input").FillAsync("0");
        await page.GetByTestId("create").ClickAsync();

        await page.WaitForURLAsync("**/studies/form-tpe-asha-*");
        var studyId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var study = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}");
        using var spec = JsonDocument.Parse(study.GetProperty("specJson").GetString()!);
        var searcher = spec.RootElement.GetProperty("searcher");
        Assert.Equal(("tpe", 2, false), (searcher.GetProperty("kind").GetString(), searcher.GetProperty("n_startup_trials").GetInt32(), searcher.GetProperty("constant_liar").GetBoolean()));
        var scheduler = spec.RootElement.GetProperty("scheduler");
        Assert.Equal(("asha", 2), (scheduler.GetProperty("kind").GetString(), scheduler.GetProperty("reduction_factor").GetInt32()));
        Assert.False(scheduler.TryGetProperty("grace_period", out _)); // left empty: its default
        Assert.Equal("00:10:00", spec.RootElement.GetProperty("budget").GetProperty("wall_clock_limit").GetString());
        await Expect(page.GetByTestId("study-state")).ToHaveTextAsync("Completed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateForm_BadSchedulerOption_ShowsTheApisErrorBesideThatOption()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-field='$.scheduler.kind'] select").SelectOptionAsync("asha");
        var grace = page.Locator("[data-field='$.scheduler.grace_period']");
        await grace.Locator("input").FillAsync("0");
        await page.GetByTestId("create").ClickAsync();

        await Expect(grace.Locator(".field-error")).ToContainTextAsync("1");
        await Expect(grace.Locator("input")).ToHaveClassAsync("invalid");
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PastedJson_SyntaxError_SaysTheLineAndColumnFromOne()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("json-tab").ClickAsync();
        var placeholder = await page.GetByTestId("spec-json").GetAttributeAsync("placeholder");
        Assert.Contains("\"name\"", placeholder, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", placeholder, StringComparison.Ordinal);

        await page.GetByTestId("spec-json").FillAsync("{\n  \"name\": \"x\",\n  \"budget\": }");
        await page.GetByTestId("create").ClickAsync();

        var errors = page.GetByTestId("json-errors");
        await Expect(errors).ToContainTextAsync("line 3, column 13: '}' is an invalid start of a value");
        Assert.DoesNotContain("LineNumber", await errors.TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CreateButton_Hovered_KeepsItsTextReadable()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var button = page.GetByTestId("create");
        await button.HoverAsync();

        var style = await button.EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.color, s.backgroundColor]; }");
        var (color, background) = (style[0], style[1]);
        Assert.Equal("rgb(255, 255, 255)", color);
        Assert.NotEqual(color, background);
        Assert.NotEqual("rgb(241, 245, 249)", background); // the plain buttons' hover, white text on it vanished
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Favicon_IsServed()
    {
        using var ico = await fixture.Api.GetAsync("/favicon.ico");
        using var svg = await fixture.Api.GetAsync("/favicon.svg");

        Assert.True(ico.IsSuccessStatusCode, ico.StatusCode.ToString());
        Assert.True(svg.IsSuccessStatusCode, svg.StatusCode.ToString());
        Assert.Equal([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]); // an ICO header
    }
}
