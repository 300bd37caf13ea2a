using System.Globalization;

namespace HyperTune.AppHost;

/// <summary>How the AppHost adds a silo process.</summary>
internal static class SiloResourceExtensions
{
    /// <summary>Adds silo <paramref name="index"/> (<c>silo-0</c> is the primary) with fixed, unproxied cluster ports.</summary>
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
        if (index > 0)
        {
            silo.WithEnvironment("HyperTune__Cluster__PrimarySiloPort", Text(layout.SiloPort));
        }

        return silo;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
