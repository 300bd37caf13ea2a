using HyperTune.ServiceDefaults.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// Refuses (403) a change — any method but GET, HEAD, OPTIONS and TRACE, and every WebSocket handshake — that a
/// browser sends from a page of another origin: the defence against cross-site request forgery, which a same-site
/// cookie alone does not give while a loopback endpoint needs no credential. Browsers name the page's origin in
/// <c>Origin</c> and <c>Sec-Fetch-Site</c>, which scripts cannot forge; a request with neither (the CLI, curl, the
/// AppHost) is not a browser's and passes on to authentication.
/// </summary>
internal sealed class CrossOriginRequestGuard(RequestDelegate next, IOptions<HyperTuneSecurityOptions> options, ILogger<CrossOriginRequestGuard> logger)
{
    private const string FetchSiteHeader = "Sec-Fetch-Site";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsRefused(request, options.Value.AllowedOrigins))
        {
            Log.CrossOriginRefused(logger, request.Method, request.Path, request.Headers.Origin, request.Headers[FetchSiteHeader]);
            await AccessProblems.WriteCrossOriginAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>True when <paramref name="request"/> is a change sent by a page of an origin other than this endpoint's and not in <paramref name="allowedOrigins"/>.</summary>
    internal static bool IsRefused(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        if (!IsChange(request))
        {
            return false;
        }

        string? site = request.Headers[FetchSiteHeader];
        string? origin = request.Headers.Origin;
        if (site is "same-origin" or "none")
        {
            return false;
        }

        if (string.IsNullOrEmpty(origin))
        {
            // A browser that says the page is of another site always names it; without Origin it is no browser's page.
            return site is "cross-site" or "same-site";
        }

        return !IsSameOrigin(origin, request) && !allowedOrigins.Any(allowed => SameOrigin(allowed, origin));
    }

    private static bool IsChange(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        || request.Headers.Upgrade.Any(value => value?.Contains("websocket", StringComparison.OrdinalIgnoreCase) == true)
        || request.Headers[HeaderNames.SecWebSocketKey].Count > 0;

    // The page's host and port are this request's Host: the origin of the endpoint's own pages (schemes may differ
    // behind a proxy that ends TLS; the host and port are what another site cannot claim once Host is filtered).
    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && request.Host.HasValue
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool SameOrigin(string allowed, string origin) =>
        Uri.TryCreate(allowed, UriKind.Absolute, out var a) && Uri.TryCreate(origin, UriKind.Absolute, out var b)
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);
}
