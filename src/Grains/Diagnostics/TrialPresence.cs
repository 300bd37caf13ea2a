using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Diagnostics;

/// <summary>
/// Where one trial activation counts in the gauges: <c>hypertune.trials.running</c> while its run holds a slot and
/// trains, <c>hypertune.trials.standby</c> while its run waits for a slot (a standby trial, or a recovery before it got
/// one), nowhere while paused, finished or not training here. Each change leaves one gauge and enters the other, so
/// the gauges never count a trial twice.
/// </summary>
public sealed class TrialPresence(HyperTuneMetrics metrics)
{
    /// <summary>Where the trial counts now.</summary>
    public TrialPresenceKind Current { get; private set; }

    /// <summary>Where a trial in <paramref name="state"/> counts: <paramref name="training"/> whether a run of this activation goes on, <paramref name="holdsSlot"/> whether it got its slot.</summary>
    public static TrialPresenceKind Of(TrialState state, bool training, bool holdsSlot) => !training || state.IsFinished() || state == TrialState.Paused
        ? TrialPresenceKind.None
        : holdsSlot && state == TrialState.Running ? TrialPresenceKind.Running : TrialPresenceKind.Standby;

    /// <summary>Moves the trial to <paramref name="next"/>.</summary>
    public void Set(TrialPresenceKind next)
    {
        if (next == Current)
        {
            return;
        }

        metrics.Leave(Current);
        metrics.Enter(next);
        Current = next;
    }
}
