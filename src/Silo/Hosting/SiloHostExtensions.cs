using System.Net;
using Orleans.Configuration;
using HyperTune.Grains;
using HyperTune.Silo.Health;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace HyperTune.Silo.Hosting;

/// <summary>The silo host's wiring.</summary>
public static class SiloHostExtensions
{
    /// <summary>Where the silo's HTTP endpoint serves the Orleans dashboard.</summary>
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>Adds the Orleans silo with HyperTune's grains, its options (validated at start) and health checks.</summary>
    public static WebApplicationBuilder AddHyperTuneSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SiloClusterOptions>().BindConfiguration(SiloClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var cluster = builder.Configuration.GetSection(SiloClusterOptions.SectionName).Get<SiloClusterOptions>() ?? new SiloClusterOptions();
        builder.UseOrleans(silo =>
        {
            if (cluster.SiloName is { Length: > 0 } name)
            {
                silo.Configure<SiloOptions>(options => options.SiloName = name);
            }

            silo.UseLocalhostClustering(
                cluster.SiloPort,
                cluster.GatewayPort,
                cluster.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                cluster.ServiceId,
                cluster.ClusterId);
            silo.AddHyperTune();
            silo.AddDashboard(); // the Orleans dashboard's grains and data; its pages: MapOrleansDashboard
        });
        builder.Services.AddSingleton<IValidateOptions<HyperTune.Grains.Training.TrainingHostOptions>, TrainingHostOptionsValidator>();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        return builder;
    }
}
