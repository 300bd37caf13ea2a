using HyperTune.Abstractions.Cluster;

namespace HyperTune.Coordinator.Api;

/// <summary>The cluster's training capacity: the answer of <c>GET /api/cluster</c>.</summary>
/// <param name="Silos">Every live silo that offers training slots.</param>
/// <param name="TotalSlots">Slots in the whole cluster.</param>
/// <param name="FreeSlots">Free slots in the whole cluster.</param>
/// <param name="TotalSyntheticSlots">Synthetic slots in the whole cluster.</param>
/// <param name="FreeSyntheticSlots">Free synthetic slots in the whole cluster.</param>
public sealed record ClusterResponse(IReadOnlyList<SiloSlotsResponse> Silos, int TotalSlots, int FreeSlots, int TotalSyntheticSlots, int FreeSyntheticSlots)
{
    /// <summary>The API's view of <paramref name="view"/>.</summary>
    public static ClusterResponse From(ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            [.. view.Silos.Select(SiloSlotsResponse.From)], view.TotalSlots, view.FreeSlots, view.Total(SlotKind.Synthetic), view.Free(SlotKind.Synthetic));
    }
}
