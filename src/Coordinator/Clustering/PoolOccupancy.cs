using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Clustering;

/// <summary>
/// What the trials placed on one pool of a silo's slots are doing, from their own states: a trial holds a slot while it
/// runs or is paused; a Pending trial (a standby trial, or a start or a recovery whose run has no slot yet) waits and
/// uses none. A trial whose state is unknown (it did not answer) or finished (its place is about to be given back) keeps
/// its place, as the slot directory does, but is neither running nor waiting.
/// </summary>
/// <param name="Slots">The pool's slots.</param>
/// <param name="Running">Trials running there.</param>
/// <param name="Paused">Trials paused there (they keep their slot).</param>
/// <param name="WaitingTrialIds">Trials waiting for one of the pool's slots.</param>
/// <param name="Free">Slots no trial holds or keeps.</param>
public sealed record PoolOccupancy(int Slots, ImmutableArray<string> Running, ImmutableArray<string> Paused, ImmutableArray<string> WaitingTrialIds, int Free)
{
    /// <summary>Slots in use: by running and paused trials.</summary>
    public int Used => Math.Min(Slots, Running.Length + Paused.Length);

    /// <summary>Trials waiting for a slot.</summary>
    public int Waiting => WaitingTrialIds.Length;

    /// <summary>The occupancy of <paramref name="pool"/>, its trials' states looked up in <paramref name="states"/>.</summary>
    public static PoolOccupancy Of(SlotPool pool, IReadOnlyDictionary<string, TrialState> states)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(states);
        var (running, paused, waiting) = (ImmutableArray.CreateBuilder<string>(), ImmutableArray.CreateBuilder<string>(), ImmutableArray.CreateBuilder<string>());
        foreach (var trial in pool.TrialIds)
        {
            switch (states.TryGetValue(trial, out var state) ? state : (TrialState?)null)
            {
                case TrialState.Running: running.Add(trial); break;
                case TrialState.Paused: paused.Add(trial); break;
                case TrialState.Pending: waiting.Add(trial); break;
            }
        }

        var kept = pool.TrialIds.Length - waiting.Count;
        return new PoolOccupancy(pool.Slots, running.ToImmutable(), paused.ToImmutable(), waiting.ToImmutable(), Math.Max(0, pool.Slots - kept));
    }

    /// <summary>The occupancy the slot directory alone tells, when no trial's state is known.</summary>
    public static PoolOccupancy Unknown(SlotPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new PoolOccupancy(pool.Slots, [], [], [], pool.Free);
    }
}
