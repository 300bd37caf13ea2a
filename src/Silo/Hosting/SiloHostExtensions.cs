using System.Net;
using HyperTune.Grains;
using HyperTune.Grains.Training;
using HyperTune.Silo.Health;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace HyperTune.Silo.Hosting;

/// <summary>The silo host's wiring.</summary>
public static class SiloHostExtensions
{
    /// <summary>Where the silo's HTTP endpoint serves the Orleans dashboard.</summary>
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>
    /// Adds the Orleans silo with HyperTune's grains, the storage chosen by <c>HyperTune:Storage</c> (with its clustering),
    /// its options (validated at start) and health checks.
    /// </summary>
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
        builder.Services.AddOptions<SiloMembershipOptions>().BindConfiguration(SiloMembershipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SiloStorageOptions>().BindConfiguration(SiloStorageOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloStorageOptions>, SiloStorageOptionsValidator>();
        var cluster = builder.Configuration.GetSection(SiloClusterOptions.SectionName).Get<SiloClusterOptions>() ?? new SiloClusterOptions();
        var dataDirectory = builder.Configuration.GetSection(TrainingHostOptions.SectionName).Get<TrainingHostOptions>()?.DataDirectory ?? ".";
        var storage = ReadStorageOptions(builder.Configuration, dataDirectory);
        builder.UseOrleans(silo =>
        {
            if (cluster.SiloName is { Length: > 0 } name)
            {
                silo.Configure<SiloOptions>(options => options.SiloName = name);
            }

            silo.Configure<ClusterMembershipOptions>(options =>
                (builder.Configuration.GetSection(SiloMembershipOptions.SectionName).Get<SiloMembershipOptions>() ?? new SiloMembershipOptions()).ApplyTo(options));
            switch (storage.Provider)
            {
                case StorageProvider.Postgres:
                    // Membership lives in the database: no silo is special, any may die and the others carry on.
                    silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                    // Reachable from other machines: listen on every address, advertise the one given or the first
                    // non-loopback IPv4 address.
                    silo.ConfigureEndpoints(Advertised(cluster, HostAddresses.FirstReachable), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                    silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StoreClockCheck>();
                    silo.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (HyperTuneSiloBuilderExtensions.PostgresInvariant, storage.ConnectionString));
                    silo.AddHyperTunePostgresStorage(storage.ConnectionString!);
                    break;
                case StorageProvider.Sqlite:
                    // Membership in the SQLite file the silos share: no silo is special, any may die and the others
                    // carry on. A SQLite file is one machine's, so silos advertise (and listen on) loopback by default.
                    var sqlitePath = storage.EffectiveSqlitePath(dataDirectory);
                    silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                    silo.ConfigureEndpoints(Advertised(cluster, _ => IPAddress.Loopback), cluster.SiloPort, cluster.GatewayPort);
                    silo.UseHyperTuneSqliteClustering(sqlitePath);
                    silo.AddHyperTuneSqliteStorage(sqlitePath);
                    break;
                default:
                    // Localhost clustering: the primary silo holds the membership, so the cluster needs it up.
                    silo.UseLocalhostClustering(
                        cluster.SiloPort,
                        cluster.GatewayPort,
                        cluster.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                        cluster.ServiceId,
                        cluster.ClusterId);
                    break;
            }

            silo.UseHyperTuneTls(builder.Configuration); // HyperTune:Cluster:Tls, off unless a certificate is given
            silo.AddHyperTune();
            silo.AddDashboard(); // the Orleans dashboard's grains and data; its pages: MapOrleansDashboard
        });
        builder.Services.AddSingleton<IValidateOptions<TrainingHostOptions>, TrainingHostOptionsValidator>();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        return builder;
    }

    /// <summary>
    /// The address the silo advertises: the configured one, or <paramref name="fallback"/> of this machine's addresses.
    /// One that is not an IP address, or not an address of this machine, stops the start, saying so.
    /// </summary>
    private static IPAddress Advertised(SiloClusterOptions cluster, Func<IReadOnlyList<IPAddress>, IPAddress> fallback)
    {
        var host = HostAddresses.Current();
        if (cluster.AdvertisedAddress is not { Length: > 0 } text)
        {
            return fallback(host);
        }

        var address = IPAddress.TryParse(text, out var parsed)
            ? parsed
            : throw new OptionsValidationException(
                nameof(SiloClusterOptions), typeof(SiloClusterOptions), [$"HyperTune:Cluster:AdvertisedAddress '{text}' is not an IP address."]);
        return HostAddresses.Check(address, host) is { } problem
            ? throw new OptionsValidationException(nameof(SiloClusterOptions), typeof(SiloClusterOptions), [problem])
            : address;
    }

    /// <summary>
    /// Reads and checks <c>HyperTune:Storage</c> now: the choice decides how the silo is built, so a bad value must stop
    /// the start here, with the same message the start-up validation gives.
    /// </summary>
    private static SiloStorageOptions ReadStorageOptions(IConfiguration configuration, string dataDirectory)
    {
        SiloStorageOptions storage;
        try
        {
            storage = configuration.GetSection(SiloStorageOptions.SectionName).Get<SiloStorageOptions>() ?? new SiloStorageOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(
                nameof(SiloStorageOptions), typeof(SiloStorageOptions), [$"HyperTune:Storage is invalid ({e.Message}); Provider is one of sqlite, postgres, memory."]);
        }

        var result = SiloStorageOptionsValidator.Check(storage, dataDirectory);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(SiloStorageOptions), typeof(SiloStorageOptions), result.Failures);
        }

        return storage;
    }
}
