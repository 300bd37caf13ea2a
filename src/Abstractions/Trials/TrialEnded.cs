using System.Collections.Immutable;

namespace HyperTune.Abstractions.Trials;

/// <summary>A trial's notice to its study that it finished.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="TrialId">The trial.</param>
/// <param name="State">How it ended.</param>
/// <param name="Reason">Why, when it did not complete.</param>
/// <param name="EpochsCompleted">Epochs finished.</param>
/// <param name="FinalMetrics">Its last epoch's metrics.</param>
/// <param name="TrainingSeconds">Time the engine spent on it.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="LastCheckpointEpoch">The epoch of its latest checkpoint, 0 when none.</param>
/// <param name="Silo">The name of the silo it trained on.</param>
[GenerateSerializer, Immutable]
public sealed record TrialEnded(
    [property: Id(0)] string StudyId,
    [property: Id(1)] string TrialId,
    [property: Id(2)] TrialState State,
    [property: Id(3)] string? Reason,
    [property: Id(4)] int EpochsCompleted,
    [property: Id(5)] ImmutableDictionary<string, double> FinalMetrics,
    [property: Id(6)] double TrainingSeconds,
    [property: Id(7)] DateTimeOffset EndedAt,
    [property: Id(8)] int LastCheckpointEpoch,
    [property: Id(9)] string Silo)
{
    /// <summary>When it got its training slot; null when it ended before it did (stopped while waiting).</summary>
    [Id(10)]
    public DateTimeOffset? StartedAt { get; init; }
}
