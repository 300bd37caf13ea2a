using HyperTune.Coordinator.Tests;
using static Microsoft.Playwright.Assertions;

namespace HyperTune.Dashboard.Tests.Security;

/// <summary>
/// A Coordinator with a token, in a real browser: a page without a credential leads to the sign-in page, and the
/// AppHost's kind of link (<c>/login#token=…</c>) signs in and opens the dashboard, whose live connection then works
/// with the cookie.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture) : IDisposable
{
    private const string Token = "browser-token-0123456789abcdef";
    private readonly FrontDoorFactory _coordinator = new(fixture, new Dictionary<string, string> { ["HyperTune:Security:Token"] = Token }, "http://127.0.0.1:0");

    public void Dispose() => _coordinator.Dispose();

    [Fact]
    public async Task SignInLink_TokenInTheFragment_OpensTheLiveDashboardAndDropsTheToken()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("login?ReturnUrl=%2Fcluster#token=" + Token);

        await Expect(page.GetByTestId("silo")).ToHaveCountAsync(CoordinatorFixture.Silos);
        Assert.EndsWith("/cluster", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, string.Join(" ", await page.EvaluateAsync<string[]>("() => [location.href, document.cookie]")), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Page_WithoutCredential_ShowsTheSignInFormAndAWrongTokenIsRefused()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("cluster");
        await Expect(page.Locator("#token")).ToBeVisibleAsync();
        await page.Locator("#token").FillAsync("not-the-token-0123456789");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await page.Locator("#token").FillAsync(Token);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("silo")).ToHaveCountAsync(CoordinatorFixture.Silos);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        using var client = _coordinator.CreateSocketClient();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = client.BaseAddress!.ToString() });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }
}
