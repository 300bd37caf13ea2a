using System.Net;
using System.Text;

namespace HyperTune.Coordinator.Tests.Security;

/// <summary>
/// A page of another site must not drive the cluster through the user's browser, even where no token is needed
/// (a Coordinator on loopback): the shared, credential-free Coordinator of the fixture.
/// </summary>
[Collection(CoordinatorCollection.Name)]
public sealed class CrossOriginTests(CoordinatorFixture fixture)
{
    private static readonly string Spec = TestSpecs.Tiny("cross-origin");

    [Fact]
    public async Task Post_TextPlainFromAnotherOrigin_Is403AndCreatesNothing()
    {
        var id = TestSpecs.NewId();
        using var request = Post($"/api/studies?id={id}", "text/plain");
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await fixture.Api.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "another origin");
        using var study = await fixture.Api.GetAsync($"/api/studies/{id}");
        Assert.Equal(HttpStatusCode.NotFound, study.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example", null)]
    [InlineData("null", null)]
    [InlineData("http://localhost:5090", "same-site")]
    [InlineData(null, "cross-site")]
    public async Task Post_StopFromAnotherOrigin_Is403(string? origin, string? fetchSite)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/studies/s-none/stop");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task WebSocketHandshake_FromAnotherOrigin_Is403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_blazor");
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_FromTheDashboardsOwnPage_IsAccepted()
    {
        var id = TestSpecs.NewId();
        using var request = Post($"/api/studies?id={id}", "application/json");
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutOrigin_AsTheCliSendsIt_IsAccepted()
    {
        var id = TestSpecs.NewId();
        using var request = Post($"/api/studies?id={id}", "application/json");

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Get_FromAnotherOrigin_IsNotRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await fixture.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "no CORS: another origin's script cannot read the answer");
    }

    private static HttpRequestMessage Post(string path, string mediaType) =>
        new(HttpMethod.Post, path) { Content = new StringContent(Spec, Encoding.UTF8, mediaType) };
}
