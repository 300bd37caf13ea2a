using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>The problem-details answers of the front door: 401 (no or wrong credential) and 403 (another origin).</summary>
internal static class AccessProblems
{
    /// <summary>What a 401 challenge sends in <c>WWW-Authenticate</c>.</summary>
    public const string BearerChallenge = "Bearer realm=\"HyperTune\"";

    /// <summary>Writes 401 with a <c>WWW-Authenticate: Bearer</c> challenge and what to send.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, bool wrongToken)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = wrongToken ? BearerChallenge + ", error=\"invalid_token\"" : BearerChallenge;
        return WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Authentication required",
            Detail = wrongToken
                ? "The token sent is not one this HyperTune cluster accepts."
                : "This HyperTune cluster needs a token: send it as 'Authorization: Bearer <token>' (the CLI: set HYPERTUNE_TOKEN or pass --token), or sign in at /login in a browser.",
        });
    }

    /// <summary>Writes 403 for a change sent by a page of another origin.</summary>
    public static Task WriteCrossOriginAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Cross-origin request refused",
            Detail = "Changes are accepted from this service's own pages and from clients that are not browsers; this request came from a page of another origin.",
        });
    }

    /// <summary>Writes 403 for a principal that may not do this.</summary>
    public static Task WriteForbiddenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(context, new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = "This credential may not do that." });
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.Headers.CacheControl = "no-store";
        var writer = context.RequestServices.GetService<IProblemDetailsService>();
        if (writer is null || !await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
