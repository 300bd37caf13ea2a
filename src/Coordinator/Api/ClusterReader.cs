using HyperTune.Abstractions.Cluster;
using HyperTune.Coordinator.Clustering;

namespace HyperTune.Coordinator.Api;

/// <summary>Reads the cluster as <c>GET /api/cluster</c> and the dashboard's Cluster page show it.</summary>
internal static class ClusterReader
{
    /// <summary>
    /// The slot directory's view of every live silo, with what the membership table (host, start, last "I am alive",
    /// departed silos), the runtime statistics (CPU, memory) and the trials' own states (running, paused, waiting) say of
    /// each.
    /// </summary>
    public static async Task<ClusterResponse> ReadClusterAsync(this IGrainFactory grains, TimeProvider time) =>
        (await grains.ReadClusterWithStatesAsync(time)).Response;

    /// <summary>As <see cref="ReadClusterAsync"/>, with the view and the trial states it was made from.</summary>
    public static async Task<ClusterReading> ReadClusterWithStatesAsync(this IGrainFactory grains, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(time);
        var view = await grains.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync();
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var active = view.Silos.Select(s => s.Silo).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var states = await ClusterTrialStates.ReadAsync(grains, view);
        var response = ClusterResponse.From(view, members, active.Zip(statistics).ToDictionary(p => p.First, p => p.Second), time.GetUtcNow(), states);
        return new ClusterReading(response, view, states);
    }
}
