using System.Collections.Immutable;

namespace HyperTune.Abstractions.Trials;

/// <summary>Everything a trial reported: its epochs, learning-rate changes, checkpoints and events.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Epochs">Every epoch, in order.</param>
/// <param name="LearningRateChanges">Every learning-rate change, in order.</param>
/// <param name="Checkpoints">Every checkpoint written, in order.</param>
[GenerateSerializer, Immutable]
public sealed record TrialHistory(
    [property: Id(0)] string TrialId,
    [property: Id(1)] ImmutableArray<EpochMetrics> Epochs,
    [property: Id(2)] ImmutableArray<LearningRateChange> LearningRateChanges,
    [property: Id(3)] ImmutableArray<CheckpointRecord> Checkpoints)
{
    /// <summary>Recoveries, skipped checkpoints and other events, in order.</summary>
    [Id(4)]
    public ImmutableArray<TrialEvent> Events { get; init; } = [];
}
