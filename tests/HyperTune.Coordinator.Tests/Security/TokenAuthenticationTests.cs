using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HyperTune.Coordinator.Tests.Security;

[Collection(CoordinatorCollection.Name)]
public sealed partial class TokenAuthenticationTests(CoordinatorFixture fixture) : IDisposable
{
    private const string Token = "right-token-0123456789abcdef";
    private const string OtherToken = "second-token-0123456789abcdef";
    private const string WrongToken = "wrong-token-0123456789abcdef";

    private readonly FrontDoorFactory _coordinator = new(fixture, new Dictionary<string, string>
    {
        ["HyperTune:Security:Token"] = Token,
        ["HyperTune:Security:Tokens:0"] = OtherToken,
    });

    public void Dispose() => _coordinator.Dispose();

    [Theory]
    [InlineData("/api/studies")]
    [InlineData("/api/cluster")]
    [InlineData("/api/studies/s-none/events")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/no-such-route")]
    public async Task Get_TokenConfiguredAndNoneSent_Is401WithBearerChallenge(string path)
    {
        using var api = _coordinator.CreateClient();

        using var response = await api.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "HYPERTUNE_TOKEN");
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WrongToken_Is401InvalidToken()
    {
        using var api = Client(WrongToken);

        using var response = await api.GetAsync("/api/studies");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not one this HyperTune cluster accepts");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Token)]
    [InlineData(OtherToken)]
    public async Task Get_AConfiguredToken_Is200(string token)
    {
        using var api = Client(token);

        using var response = await api.GetAsync("/api/studies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_StopWithoutToken_Is401AndStopsNothing()
    {
        using var api = _coordinator.CreateClient();

        using var response = await api.PostAsync("/api/studies/s-none/stop", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_WithoutToken_AnswersTheStatusWordOnly(string path)
    {
        using var api = _coordinator.CreateClient();

        using var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_BrowserWithoutCredential_IsSentToTheLoginPage()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/studies/s-1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fstudies%2Fs-1", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task BlazorHub_WithoutCredential_Is401()
    {
        using var api = _coordinator.CreateClient();

        using var response = await api.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_RightToken_SetsAStrictHttpOnlyCookieThatOpensTheDashboardAndTheApi()
    {
        using var browser = Browser();

        using var login = await SignInAsync(browser, Token, "/cluster");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/cluster", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".HyperTune.Session.", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        using var page = await browser.GetAsync("/cluster");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var api = await browser.GetAsync("/api/studies");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Login_WrongToken_Is401PageWithoutCookie()
    {
        using var browser = Browser();

        using var login = await SignInAsync(browser, WrongToken, "/");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("not one this cluster accepts", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".HyperTune.Session.", StringComparison.Ordinal)));
        using var api = await browser.GetAsync("/api/studies");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutTheAntiforgeryField_IsRefused()
    {
        using var browser = Browser();

        using var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token, ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        using var api = await browser.GetAsync("/api/studies");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Login_ReturnUrlOfAnotherSite_GoesToTheRootInstead(string returnUrl)
    {
        using var browser = Browser();

        using var login = await SignInAsync(browser, Token, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Requests_WithRightAndWrongTokens_NeverLogTheTokens()
    {
        using (var right = Client(Token))
        using (var wrong = Client(WrongToken))
        using (var browser = Browser())
        {
            (await right.GetAsync("/api/studies")).Dispose();
            (await wrong.GetAsync("/api/studies")).Dispose();
            (await SignInAsync(browser, Token, "/")).Dispose();
            (await SignInAsync(browser, WrongToken, "/")).Dispose();
        }

        var entries = _coordinator.Logs.Entries;
        Assert.Contains(entries, e => e.Contains("Signed in with token", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Sign-in refused", StringComparison.Ordinal));
        Assert.All(entries, e =>
        {
            Assert.DoesNotContain(Token, e, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongToken, e, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherToken, e, StringComparison.Ordinal);
        });
    }

    private HttpClient Client(string token)
    {
        var api = _coordinator.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    // A browser: keeps cookies, asks for HTML, does not follow redirects.
    private HttpClient Browser()
    {
        var browser = _coordinator.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return browser;
    }

    // As the login page's form does: read the page (its antiforgery field and cookie), then post the token.
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token, string returnUrl)
    {
        var page = await browser.GetStringAsync("/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, page);
        return await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = antiforgery.Groups["value"].Value,
            ["token"] = token,
            ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
