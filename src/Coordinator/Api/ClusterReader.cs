using HyperTune.Abstractions.Cluster;

namespace HyperTune.Coordinator.Api;

/// <summary>Reads the cluster as <c>GET /api/cluster</c> and the dashboard's Cluster page show it.</summary>
internal static class ClusterReader
{
    /// <summary>
    /// The slot directory's view of every live silo, with what the membership table (host, start, last "I am alive",
    /// departed silos) and the runtime statistics (CPU, memory) say of each.
    /// </summary>
    public static async Task<ClusterResponse> ReadClusterAsync(this IGrainFactory grains, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(time);
        var view = await grains.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync();
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var active = view.Silos.Select(s => s.Silo).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        return ClusterResponse.From(view, members, active.Zip(statistics).ToDictionary(p => p.First, p => p.Second), time.GetUtcNow());
    }
}
