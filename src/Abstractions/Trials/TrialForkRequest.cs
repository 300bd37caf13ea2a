using HyperTune.Search.Values;

namespace HyperTune.Abstractions.Trials;

/// <summary>Fork a trial: a new trial of the same study continues from one of its checkpoints with some values changed.</summary>
/// <param name="SourceTrialId">The trial to fork.</param>
/// <param name="Overrides">Hyperparameters that change; only those that keep the model's and the optimizer's shape.</param>
/// <param name="Epoch">The epoch of the source's checkpoint to start from; null: its latest.</param>
[GenerateSerializer, Immutable]
public sealed record TrialForkRequest(
    [property: Id(0)] string SourceTrialId,
    [property: Id(1)] TrialConfig Overrides,
    [property: Id(2)] int? Epoch);
