using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// What a <see cref="ITrialScheduler"/> wants done with a running trial: <see cref="ContinueDecision"/>,
/// <see cref="PruneDecision"/>, <see cref="PauseDecision"/>, <see cref="DecayLearningRateDecision"/> or
/// <see cref="ExploitDecision"/>. Immutable records with value equality; match on the type.
/// </summary>
public abstract record SchedulerDecision
{
    private protected SchedulerDecision()
    {
    }

    /// <summary>Keep training (the only decision that needs no action).</summary>
    public static SchedulerDecision Continue { get; } = new ContinueDecision();

    /// <summary>Why, in words for the trial's history; empty for <see cref="ContinueDecision"/>.</summary>
    public abstract string Reason { get; }

    /// <summary>Stop the trial and mark it pruned.</summary>
    public static PruneDecision Prune(string reason) => new(reason);

    /// <summary>Pause the trial (it may be resumed later).</summary>
    public static PauseDecision Pause(string reason) => new(reason);

    /// <summary>Multiply the trial's live learning rate by <paramref name="factor"/>.</summary>
    public static DecayLearningRateDecision DecayLearningRate(double factor, string reason) => new(factor, reason);

    /// <summary>Restart the trial from another trial's checkpoint with a new config (population-based training).</summary>
    public static ExploitDecision Exploit(string sourceTrialId, int sourceCheckpointEpoch, TrialConfig newConfig, double? learningRateFactor, string reason) =>
        new(sourceTrialId, sourceCheckpointEpoch, newConfig, learningRateFactor, reason);
}
