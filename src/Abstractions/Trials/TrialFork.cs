namespace HyperTune.Abstractions.Trials;

/// <summary>Where a forked trial came from: the trial and the epoch of its checkpoint it continues from.</summary>
/// <param name="SourceTrialId">The trial it was forked from (it trains on, untouched).</param>
/// <param name="SourceEpoch">The epoch of the source's checkpoint; the fork's first epoch is the next one.</param>
/// <param name="LearningRate">The learning rate the fork starts with, set at its first step; null: the source's rate at that epoch.</param>
[GenerateSerializer, Immutable]
public sealed record TrialFork(
    [property: Id(0)] string SourceTrialId,
    [property: Id(1)] int SourceEpoch,
    [property: Id(2)] double? LearningRate);
