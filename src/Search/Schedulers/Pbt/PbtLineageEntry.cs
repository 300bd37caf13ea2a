using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>One exploit of population-based training: who cloned whom, when, and with what config.</summary>
/// <param name="Time">When the scheduler decided it (from its <see cref="TimeProvider"/>).</param>
/// <param name="Epoch">The target's epoch at the decision.</param>
/// <param name="TargetTrialId">The bottom-quantile trial that takes over the checkpoint.</param>
/// <param name="SourceTrialId">The top-quantile trial whose checkpoint it takes.</param>
/// <param name="SourceCheckpointEpoch">The epoch of that checkpoint.</param>
/// <param name="OldConfig">The target's config before.</param>
/// <param name="NewConfig">The target's config after: the source's, perturbed.</param>
/// <param name="LearningRateFactor">The factor applied to the live learning rate, when it was perturbed.</param>
public sealed record PbtLineageEntry(
    DateTimeOffset Time,
    int Epoch,
    string TargetTrialId,
    string SourceTrialId,
    int SourceCheckpointEpoch,
    TrialConfig OldConfig,
    TrialConfig NewConfig,
    double? LearningRateFactor);
