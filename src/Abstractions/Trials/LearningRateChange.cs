namespace HyperTune.Abstractions.Trials;

/// <summary>A change of a trial's learning rate, where it took effect.</summary>
/// <param name="Epoch">The epoch (1-based) in which it took effect.</param>
/// <param name="Step">The first optimizer step that used the new rate.</param>
/// <param name="OldLearningRate">The rate before.</param>
/// <param name="NewLearningRate">The rate after.</param>
/// <param name="Source">user, schedule, policy or population.</param>
/// <param name="Command">decay or set for a command; null for a schedule step.</param>
[GenerateSerializer, Immutable]
public sealed record LearningRateChange(
    [property: Id(0)] int Epoch,
    [property: Id(1)] long Step,
    [property: Id(2)] double OldLearningRate,
    [property: Id(3)] double NewLearningRate,
    [property: Id(4)] string Source,
    [property: Id(5)] string? Command);
