using HyperTune.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace HyperTune.ServiceDefaults.Tests.Security;

public sealed class CrossOriginRequestGuardTests
{
    [Theory]
    [InlineData("POST", "http://evil.example", null)]
    [InlineData("DELETE", "http://evil.example", "cross-site")]
    [InlineData("PUT", "null", null)]
    [InlineData("POST", "http://localhost:5090", "same-site")]
    [InlineData("POST", "https://localhost:5080.evil.example", null)]
    [InlineData("PATCH", null, "cross-site")]
    public void IsRefused_ChangeFromAnotherOrigin_True(string method, string? origin, string? site) =>
        Assert.True(CrossOriginRequestGuard.IsRefused(Request(method, origin, site), []));

    [Theory]
    [InlineData("POST", "http://localhost:5080", "same-origin")]
    [InlineData("POST", "http://localhost:5080", null)]
    [InlineData("POST", "https://localhost:5080", null)]
    [InlineData("POST", null, null)]
    [InlineData("POST", null, "none")]
    [InlineData("GET", "http://evil.example", "cross-site")]
    [InlineData("HEAD", "http://evil.example", "cross-site")]
    public void IsRefused_OwnPageToolOrRead_False(string method, string? origin, string? site) =>
        Assert.False(CrossOriginRequestGuard.IsRefused(Request(method, origin, site), []));

    [Fact]
    public void IsRefused_WebSocketHandshakeFromAnotherOrigin_True()
    {
        var request = Request("GET", "http://evil.example", null);
        request.Headers.Upgrade = "websocket";

        Assert.True(CrossOriginRequestGuard.IsRefused(request, []));
    }

    [Fact]
    public void IsRefused_ListedOrigin_False() =>
        Assert.False(CrossOriginRequestGuard.IsRefused(Request("POST", "https://tools.example.org", "cross-site"), ["https://tools.example.org"]));

    [Fact]
    public void IsRefused_ListedOriginWithAnotherScheme_True() =>
        Assert.True(CrossOriginRequestGuard.IsRefused(Request("POST", "http://tools.example.org", "cross-site"), ["https://tools.example.org"]));

    private static HttpRequest Request(string method, string? origin, string? site)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Host = new HostString("localhost:5080");
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        if (site is not null)
        {
            request.Headers["Sec-Fetch-Site"] = site;
        }

        return request;
    }
}
