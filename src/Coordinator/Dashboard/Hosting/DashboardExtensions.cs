using HyperTune.Coordinator.Dashboard.Forms;
using HyperTune.Coordinator.Dashboard.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperTune.Coordinator.Dashboard.Hosting;

/// <summary>The web dashboard: interactive server-side Blazor pages over the same cluster client as the API.</summary>
public static class DashboardExtensions
{
    /// <summary>Adds the dashboard's components, options (<c>HyperTune:Dashboard</c>), its live study source and CSV uploads.</summary>
    public static IHostApplicationBuilder AddCoordinatorDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<IStudyLiveSource, OrleansStudyLiveSource>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CsvUploads>();
        return builder;
    }

    /// <summary>
    /// Maps the dashboard's pages (<c>/</c>, <c>/studies/{id}</c>, <c>/trials/{id}</c>, <c>/cluster</c>,
    /// <c>/lr-range-tests</c>, <c>/lr-range-tests/{id}</c>), its hub (<c>/_blazor</c>) and its static files (styles,
    /// <c>dashboard.js</c>, the favicon). They need the credential every endpoint needs, and antiforgery runs in
    /// <c>UseHyperTuneSecurity</c>, after authentication.
    /// </summary>
    public static WebApplication MapCoordinatorDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
