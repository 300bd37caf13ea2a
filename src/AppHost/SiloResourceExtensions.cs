using System.Globalization;

namespace HyperTune.AppHost;

/// <summary>How the AppHost adds a silo process.</summary>
internal static class SiloResourceExtensions
{
    /// <summary>
    /// Adds silo <paramref name="index"/> with fixed, unproxied cluster ports and the cluster's storage: the shared SQLite
    /// file or, when a connection string is given, PostgreSQL. Either keeps the cluster's membership, so every silo is
    /// equal and advertises loopback, where the others and the Coordinator find it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSilo(this IDistributedApplicationBuilder builder, int index, ClusterLayout layout, string repository)
    {
        var name = "silo-" + index.ToString(CultureInfo.InvariantCulture);
        var silo = builder.AddProject<Projects.HyperTune_Silo>(name)
            .WithEndpoint("http", endpoint => endpoint.Port = layout.SiloHttpPort + index)
            .WithEnvironment("HyperTune__Cluster__SiloName", name)
            .WithEnvironment("HyperTune__Cluster__SiloPort", Text(layout.SiloPort + index))
            .WithEnvironment("HyperTune__Cluster__GatewayPort", Text(layout.GatewayPort + index))
            .WithEnvironment("HyperTune__Training__Slots", Text(layout.EffectiveSlotsPerSilo))
            .WithEnvironment("HyperTune__Training__DataDirectory", repository)
            .WithEnvironment("HyperTune__Training__CheckpointDirectory", Path.Combine(repository, ".hypertune", "checkpoints", name))
            .WithHttpHealthCheck("/health");
        if (layout.PostgresConnectionString is { Length: > 0 } postgres)
        {
            // Membership in the database: every silo is equal and advertises loopback, where the others find it.
            silo.WithEnvironment("HyperTune__Storage__Provider", "postgres")
                .WithEnvironment("HyperTune__Storage__ConnectionString", postgres)
                .WithEnvironment("HyperTune__Cluster__AdvertisedAddress", "127.0.0.1");
        }
        else
        {
            silo.WithEnvironment("HyperTune__Storage__Provider", "sqlite")
                .WithEnvironment("HyperTune__Storage__SqlitePath", layout.EffectiveSqlitePath(repository));
        }

        return silo;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
