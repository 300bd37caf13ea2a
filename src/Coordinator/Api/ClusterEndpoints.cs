using HyperTune.Abstractions.Cluster;
using HyperTune.Coordinator.Clustering;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/cluster</c>: the cluster's silos and training slots, their load and their drains.</summary>
internal static class ClusterEndpoints
{
    /// <summary>Maps the cluster routes under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cluster", GetAsync).WithTags("Cluster").WithName("GetCluster")
            .WithSummary("Every live silo's address, training slots, trials, load and drain, and the silos that left or died.");
        api.MapPost("/cluster/silos/{silo}/drain", (string silo, IGrainFactory grains) => SetDrainingAsync(silo, true, grains))
            .WithTags("Cluster").WithName("DrainSilo")
            .WithSummary("Drains a silo (by name, address:port or full address): it takes no new trials, and its trials move elsewhere from their next checkpoint.");
        api.MapPost("/cluster/silos/{silo}/undrain", (string silo, IGrainFactory grains) => SetDrainingAsync(silo, false, grains))
            .WithTags("Cluster").WithName("UndrainSilo").WithSummary("Ends a silo's drain: it takes new trials again.");
        return api;
    }

    private static async Task<Ok<ClusterResponse>> GetAsync(IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(await grains.ReadClusterAsync(time));

    private static async Task<Results<Ok<SiloSlotsResponse>, ProblemHttpResult>> SetDrainingAsync(string silo, bool draining, IGrainFactory grains)
    {
        if (silo.Length is 0 or > 256 || silo.Any(char.IsControl))
        {
            return ApiProblems.BadField("Invalid silo", "silo", "A silo is named by its name, address:port or full address (1 to 256 characters, no control characters).");
        }

        return await grains.GetGrain<ISlotDirectoryGrain>(0).SetDrainingAsync(silo, draining) is { } slots
            ? TypedResults.Ok(SiloSlotsResponse.From(slots))
            : ApiProblems.NotFound("Unknown silo", $"No live silo has the name or address '{silo}'; GET /api/cluster lists them.");
    }
}
