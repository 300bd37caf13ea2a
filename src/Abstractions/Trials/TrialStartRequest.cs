using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Abstractions.Trials;

/// <summary>What a study tells a new trial: its hyperparameters, data and limits.</summary>
/// <param name="StudyId">The study it belongs to; reports go there.</param>
/// <param name="Number">Its number in the study (1-based).</param>
/// <param name="Config">Its hyperparameters.</param>
/// <param name="Dataset">The data to train on.</param>
/// <param name="MaxEpochs">The epochs it trains: its <c>epochs</c> hyperparameter capped by the budget (<c>BudgetSpec.EpochsFor</c>).</param>
/// <param name="CheckpointInterval">Checkpoint every this many epochs; 0 for none.</param>
/// <param name="Seed">Seed of its weights, shuffling and dropout.</param>
[GenerateSerializer, Immutable]
public sealed record TrialStartRequest(
    [property: Id(0)] string StudyId,
    [property: Id(1)] int Number,
    [property: Id(2)] TrialConfig Config,
    [property: Id(3)] DatasetSpec Dataset,
    [property: Id(4)] int MaxEpochs,
    [property: Id(5)] int CheckpointInterval,
    [property: Id(6)] long Seed)
{
    /// <summary>The study's objective; the trial keeps the checkpoint of its best epoch by it. Null: keep only the latest.</summary>
    [Id(7)]
    public ObjectiveSpec? Objective { get; init; }

    /// <summary>What it trains, and on which kind of slot (<c>SlotKinds.For</c>). Null: the MLP.</summary>
    [Id(8)]
    public TrainableSpec? Trainable { get; init; }

    /// <summary>For a fork: the trial and checkpoint it continues from, and the rate it starts with. Null: a trial of its own.</summary>
    [Id(9)]
    public TrialFork? Fork { get; init; }

    /// <summary>The W3C trace context of its study's trace: the trial's span is its child, also after a recovery. Null: a trace of its own.</summary>
    [Id(10)]
    public string? TraceParent { get; init; }
}
