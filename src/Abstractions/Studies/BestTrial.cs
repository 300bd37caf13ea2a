using HyperTune.Search.Values;

namespace HyperTune.Abstractions.Studies;

/// <summary>The trial with the best objective value so far, at its best epoch.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Epoch">The epoch of its best value.</param>
/// <param name="Value">The objective metric's value there.</param>
/// <param name="Config">Its hyperparameters.</param>
[GenerateSerializer, Immutable]
public sealed record BestTrial(
    [property: Id(0)] string TrialId,
    [property: Id(1)] int Epoch,
    [property: Id(2)] double Value,
    [property: Id(3)] TrialConfig Config);
