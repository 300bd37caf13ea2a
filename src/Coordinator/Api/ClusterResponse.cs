using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Api;

/// <summary>The cluster: the answer of <c>GET /api/cluster</c>.</summary>
/// <param name="Silos">Every live silo that offers training slots.</param>
/// <param name="TotalSlots">Slots in the whole cluster.</param>
/// <param name="FreeSlots">Free slots in the whole cluster.</param>
/// <param name="TotalSyntheticSlots">Synthetic slots in the whole cluster.</param>
/// <param name="FreeSyntheticSlots">Free synthetic slots in the whole cluster.</param>
/// <param name="Departed">Silos the membership table holds as left (shut down) or declared dead, newest first, at most 50.</param>
public sealed record ClusterResponse(
    IReadOnlyList<SiloSlotsResponse> Silos, int TotalSlots, int FreeSlots, int TotalSyntheticSlots, int FreeSyntheticSlots, IReadOnlyList<DepartedSiloResponse> Departed)
{
    /// <summary>Departed silos shown at most: the table keeps them until Orleans cleans up defunct entries.</summary>
    public const int MaxDeparted = 50;

    /// <summary>The API's view of <paramref name="view"/>, with what membership and the runtime statistics say of each silo.</summary>
    public static ClusterResponse From(
        ClusterView view, IReadOnlyCollection<MembershipEntry> members, IReadOnlyDictionary<SiloAddress, SiloRuntimeStatistics> statistics, DateTimeOffset now,
        IReadOnlyDictionary<string, TrialState>? states = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(statistics);
        var entries = members.ToDictionary(m => m.SiloAddress);
        SiloSlotsResponse[] silos = [.. view.Silos.Select(s => SiloSlotsResponse.From(s, entries.GetValueOrDefault(s.Silo), statistics.GetValueOrDefault(s.Silo), now, states))];
        return new(
            silos,
            view.TotalSlots,
            silos.Sum(s => s.Free),
            view.Total(SlotKind.Synthetic),
            silos.Sum(s => s.SyntheticSlots - s.SyntheticUsed),
            [.. members.Where(m => m.Status is SiloStatus.Dead)
                .OrderByDescending(m => m.IAmAliveTime)
                .Take(MaxDeparted)
                .Select(DepartedSiloResponse.From)]);
    }
}
