using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// The sign-in cookie's behaviour: a browser navigation without a credential goes to <c>/login</c>, anything else
/// (API calls, the dashboard's hub, scripts) gets 401 with a problem body; a cookie whose token is no longer configured
/// stops working at once.
/// </summary>
internal sealed class SignInCookieEvents(AccessTokens tokens) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsBrowserNavigation(context.Request)
            ? base.RedirectToLogin(context)
            : AccessProblems.WriteUnauthorizedAsync(context.HttpContext, wrongToken: false);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        AccessProblems.WriteForbiddenAsync(context.HttpContext);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!tokens.IsCurrent(context.Principal?.FindFirst(SecuritySchemes.TokenKeyIdClaim)?.Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SecuritySchemes.Cookie);
        }
    }

    /// <summary>A page the browser loads to show (GET or HEAD asking for HTML), as opposed to a script's or a tool's call.</summary>
    internal static bool IsBrowserNavigation(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
