using HyperTune.ServiceDefaults.Diagnostics;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// <c>GET /login</c> (the sign-in page), <c>POST /login</c> (a token from the page's form: an HttpOnly, SameSite=Strict
/// cookie, then back to the page asked for) and <c>POST /logout</c>. Posting is checked by ASP.NET Core's antiforgery
/// and by the origin guard.
/// </summary>
internal static class LoginEndpoints
{
    /// <summary>The sign-in page's path.</summary>
    public const string LoginPath = "/login";

    /// <summary>The sign-out path.</summary>
    public const string LogoutPath = "/logout";

    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(LoginPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(LogoutPath, (Delegate)SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult ShowAsync(HttpContext context, IAntiforgery antiforgery, EndpointExposure exposure, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        exposure.RequiresCredential ? Page(context, antiforgery, LocalOrRoot(context, returnUrl), wrongToken: false) : Results.LocalRedirect(LocalOrRoot(context, returnUrl));

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, AccessTokens tokens, EndpointExposure exposure, ILoggerFactory loggers,
        [FromForm] string? token, [FromForm] string? returnUrl)
    {
        var back = LocalOrRoot(context, returnUrl);
        if (!exposure.RequiresCredential)
        {
            return Results.LocalRedirect(back);
        }

        var logger = loggers.CreateLogger(typeof(LoginEndpoints));
        if (!tokens.TryMatch(token, out var keyId))
        {
            Log.SignInRefused(logger, context.Connection.RemoteIpAddress?.ToString());
            return Page(context, antiforgery, back, wrongToken: true);
        }

        await context.SignInAsync(SecuritySchemes.Cookie, TokenPrincipal.Create(keyId, SecuritySchemes.Cookie));
        Log.SignedIn(logger, keyId, context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(SecuritySchemes.Cookie);
        return Results.LocalRedirect(context.Request.PathBase + LoginPath);
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, bool wrongToken)
    {
        var form = antiforgery.GetAndStoreTokens(context);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = LoginPage.ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var html = LoginPage.Render(context.Request.PathBase + LoginPath, form.FormFieldName, form.RequestToken!, returnUrl, wrongToken);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: wrongToken ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    /// <summary>A path of this site to go back to; anything else (another site, <c>//host</c>, <c>/\host</c>) is the root.</summary>
    internal static string LocalOrRoot(HttpContext context, string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : context.Request.PathBase + "/";
}
