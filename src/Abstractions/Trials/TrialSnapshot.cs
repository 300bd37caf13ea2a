using System.Collections.Immutable;
using HyperTune.Search.Values;

namespace HyperTune.Abstractions.Trials;

/// <summary>A trial's status at one moment.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="StudyId">Its study.</param>
/// <param name="Number">Its number in the study.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Reason">Why it stopped, diverged or failed; null otherwise.</param>
/// <param name="Config">Its hyperparameters.</param>
/// <param name="Epoch">Epochs finished.</param>
/// <param name="MaxEpochs">Epochs it will train at most.</param>
/// <param name="Metrics">The latest epoch's metrics.</param>
/// <param name="LearningRate">The latest effective learning rate (NaN before the first epoch).</param>
/// <param name="Silo">The silo it trains on.</param>
/// <param name="StartedAt">When training began.</param>
/// <param name="EndedAt">When it finished.</param>
/// <param name="LastCheckpointEpoch">The epoch of its latest checkpoint, 0 when none.</param>
/// <param name="TrainingSeconds">Time the engine spent on it (model, training, evaluation), once finished.</param>
[GenerateSerializer, Immutable]
public sealed record TrialSnapshot(
    [property: Id(0)] string TrialId,
    [property: Id(1)] string StudyId,
    [property: Id(2)] int Number,
    [property: Id(3)] TrialState State,
    [property: Id(4)] string? Reason,
    [property: Id(5)] TrialConfig Config,
    [property: Id(6)] int Epoch,
    [property: Id(7)] int MaxEpochs,
    [property: Id(8)] ImmutableDictionary<string, double> Metrics,
    [property: Id(9)] double LearningRate,
    [property: Id(10)] string Silo,
    [property: Id(11)] DateTimeOffset? StartedAt,
    [property: Id(12)] DateTimeOffset? EndedAt,
    [property: Id(13)] int LastCheckpointEpoch,
    [property: Id(14)] double TrainingSeconds = 0)
{
    /// <summary>
    /// How many times the trial was restarted after being lost (0 for the first run). A snapshot of a later attempt
    /// replaces an earlier one even when its epoch is lower: the trial went back to a checkpoint.
    /// </summary>
    [Id(15)]
    public int Attempt { get; init; }

    /// <summary>The trial and checkpoint it was forked from; null for a trial of its own.</summary>
    [Id(16)]
    public TrialFork? ForkedFrom { get; init; }
}
