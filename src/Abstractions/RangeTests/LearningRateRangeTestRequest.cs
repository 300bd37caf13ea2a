using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Abstractions.RangeTests;

/// <summary>What a learning-rate range test trains and how it ramps.</summary>
/// <param name="Config">The hyperparameters of the model and optimizer (its learning rate is ignored: the ramp sets it).</param>
/// <param name="Dataset">The data to train on.</param>
/// <param name="Seed">Seed of the weights and the shuffle.</param>
/// <param name="Options">The ramp, smoothing and stop rule.</param>
[GenerateSerializer, Immutable]
public sealed record LearningRateRangeTestRequest(
    [property: Id(0)] TrialConfig Config,
    [property: Id(1)] DatasetSpec Dataset,
    [property: Id(2)] long Seed,
    [property: Id(3)] LearningRateRangeTestOptions Options)
{
    /// <summary>The study the test is the first step of; it hears the end. Null for a test on its own.</summary>
    [Id(4)]
    public string? StudyId { get; init; }
}
