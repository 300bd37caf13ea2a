using HyperTune.Abstractions.Serialization;
using HyperTune.Coordinator.Clustering;
using HyperTune.Coordinator.Health;
using HyperTune.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Serialization;

namespace HyperTune.Coordinator.Hosting;

/// <summary>The Coordinator's Orleans client: how it finds the cluster, its TLS, its serializers and its connection health.</summary>
public static class OrleansClientExtensions
{
    /// <summary>The section through which Orleans configures itself (Aspire sets <c>Orleans__…</c> variables).</summary>
    public const string OrleansClusteringSection = "Orleans:Clustering";

    /// <summary>
    /// Adds the Orleans client. When the configuration has an <c>Orleans:Clustering</c> section (for example
    /// <c>Orleans:Clustering:ProviderType</c> = <c>Static</c> with <c>Orleans:Clustering:Gateways:0</c> =
    /// <c>127.0.0.1:30000</c>, or a provider Aspire sets), Orleans' own configuration-based setup finds the cluster and
    /// <c>Orleans:ClusterId</c>/<c>Orleans:ServiceId</c> name it; otherwise <see cref="CoordinatorClusterOptions"/>
    /// (<c>HyperTune:Cluster</c>) does: the gateways of the live silos in the membership table of the SQLite file
    /// <c>SqlitePath</c> when it is set, else the gateway ports of silos on this machine.
    /// </summary>
    public static IHostApplicationBuilder AddCoordinatorOrleansClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CoordinatorClusterOptions>()
            .BindConfiguration(CoordinatorClusterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var cluster = builder.Configuration.GetSection(CoordinatorClusterOptions.SectionName).Get<CoordinatorClusterOptions>()
            ?? new CoordinatorClusterOptions();
        var configuredByOrleans = builder.Configuration.GetSection(OrleansClusteringSection).Exists();

        builder.UseOrleansClient(client =>
        {
            if (!configuredByOrleans)
            {
                client.UseCoordinatorClustering(cluster);
            }

            if (!builder.Configuration.GetValue<bool>("Orleans:EnableDistributedTracing"))
            {
                client.AddActivityPropagation();
            }

            client.UseHyperTuneTls(builder.Configuration); // HyperTune:Cluster:Tls, off unless a certificate is given
            client.Services.AddSerializer(serializer => serializer.AddHyperTuneSerializers());
            client.Services.TryAddSingleton(TimeProvider.System);
            client.UseConnectionRetryFilter<GatewayConnectionRetryFilter>();
            client.Services.AddSingleton<ClusterConnectionMonitor>();
            client.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterConnectionMonitor>());
        });
        builder.Services.TryAddSingleton<ClusterDescription>();
        builder.Services.TryAddSingleton<IClusterPing, ManagementGrainPing>();
        builder.Services.TryAddSingleton<ClusterProbe>();
        builder.Services.AddHealthChecks().AddCheck<OrleansClientHealthCheck>("orleans-client");
        return builder;
    }

    /// <summary>
    /// The gateways from the membership table — the PostgreSQL one when a connection string is given, the SQLite one when
    /// a SQLite path is — read again every <see cref="CoordinatorClusterOptions.GatewayRefresh"/>; else the fixed ports.
    /// </summary>
    private static void UseCoordinatorClustering(this IClientBuilder client, CoordinatorClusterOptions cluster)
    {
        if (cluster.PostgresConnectionString is { Length: > 0 } connectionString)
        {
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = cluster.GatewayRefresh);
            client.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", connectionString));
            return;
        }

        if (cluster.SqlitePath is not { Length: > 0 } path)
        {
            client.UseLocalhostClustering(cluster.EffectiveGatewayPorts, cluster.ServiceId, cluster.ClusterId);
            return;
        }

        client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = cluster.GatewayRefresh);
        client.Services.AddSingleton<IGatewayListProvider>(sp => new SqliteGatewayListProvider(
            new SqliteDatabase(path), sp.GetRequiredService<IOptions<ClusterOptions>>(), sp.GetRequiredService<IOptions<GatewayOptions>>()));
    }
}
