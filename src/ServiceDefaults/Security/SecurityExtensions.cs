using HyperTune.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The front door every HyperTune HTTP endpoint shares (see <see cref="HyperTuneSecurityOptions"/>): bearer tokens and
/// a sign-in cookie through ASP.NET Core authentication, one authorization rule for every endpoint not marked
/// anonymous, host filtering, the cross-origin guard and antiforgery.
/// </summary>
public static class SecurityExtensions
{
    /// <summary>Adds the services: options (validated at start), schemes, the policy, host names and the check of where the server listens.</summary>
    public static TBuilder AddHyperTuneSecurity<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HyperTuneSecurityOptions>().BindConfiguration(HyperTuneSecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<AccessTokens>();
        services.TryAddSingleton<EndpointExposure>();
        services.AddHostedService<ExposureCheck>();
        services.AddProblemDetails();

        services.AddAuthentication(SecuritySchemes.Default)
            .AddPolicyScheme(SecuritySchemes.Default, "HyperTune", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? SecuritySchemes.Token : SecuritySchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(SecuritySchemes.Token, configureOptions: null)
            .AddCookie(SecuritySchemes.Cookie);
        services.TryAddSingleton<SignInCookieEvents>();
        services.AddOptions<CookieAuthenticationOptions>(SecuritySchemes.Cookie)
            .Configure<IOptions<HyperTuneSecurityOptions>, IHostEnvironment>((cookie, security, environment) =>
            {
                // One cookie name per application: the Coordinator and a silo on one host share the host's cookies.
                cookie.Cookie.Name = ".HyperTune.Session." + environment.ApplicationName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = security.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = LoginEndpoints.LoginPath;
                cookie.LogoutPath = LoginEndpoints.LogoutPath;
                cookie.EventsType = typeof(SignInCookieEvents);
            });

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(CredentialRequirement.Policy)
            .SetFallbackPolicy(CredentialRequirement.Policy);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CredentialRequirementHandler>();
        services.AddAntiforgery();

        services.AddOptions<HostFilteringOptions>()
            .Configure<IOptions<HyperTuneSecurityOptions>, IConfiguration>((filtering, security, configuration) =>
                filtering.AllowedHosts = AllowedHostNames.For(security.Value, configuration));
        return builder;
    }

    /// <summary>
    /// Adds the middleware, after error handling and before the endpoints: the cross-origin guard, authentication,
    /// authorization and antiforgery. (Host filtering runs first of all, as ASP.NET Core places it.)
    /// </summary>
    public static WebApplication UseHyperTuneSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CrossOriginRequestGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps <c>/login</c> and <c>/logout</c>.</summary>
    public static WebApplication MapHyperTuneLogin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapLoginEndpoints();
        return app;
    }
}
