using System.Collections.Immutable;

namespace HyperTune.Abstractions.Trials;

/// <summary>A trial's report of one finished epoch, sent to its study.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="TrialId">The trial.</param>
/// <param name="Epoch">The epoch's metrics.</param>
/// <param name="LearningRateChanges">Learning-rate changes that took effect during the epoch.</param>
/// <param name="Silo">The silo it trains on.</param>
[GenerateSerializer, Immutable]
public sealed record TrialEpochReport(
    [property: Id(0)] string StudyId,
    [property: Id(1)] string TrialId,
    [property: Id(2)] EpochMetrics Epoch,
    [property: Id(3)] ImmutableArray<LearningRateChange> LearningRateChanges,
    [property: Id(4)] string Silo);
