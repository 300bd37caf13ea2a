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
}
