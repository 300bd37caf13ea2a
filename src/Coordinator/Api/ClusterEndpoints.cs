using HyperTune.Abstractions.Cluster;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/cluster</c>: the cluster's silos and training slots.</summary>
internal static class ClusterEndpoints
{
    /// <summary>Maps the cluster route under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cluster", GetAsync).WithTags("Cluster").WithName("GetCluster").WithSummary("Every live silo's training slots and the trials on them.");
        return api;
    }

    private static async Task<Ok<ClusterResponse>> GetAsync(IGrainFactory grains) =>
        TypedResults.Ok(ClusterResponse.From(await grains.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync()));
}
