namespace HyperTune.Training.Control;

/// <summary>A change of a run's learning rate, recorded where it took effect so that a curve can mark it.</summary>
/// <param name="Epoch">The epoch (1-based) in which the change took effect.</param>
/// <param name="Step">The global optimizer step (1-based) that first used the new rate.</param>
/// <param name="OldLearningRate">The effective rate before.</param>
/// <param name="NewLearningRate">The effective rate after.</param>
/// <param name="Source">Who or what changed it.</param>
/// <param name="Command">The command, when the change came from one; null for schedule steps.</param>
public sealed record LearningRateEvent(
    int Epoch,
    long Step,
    double OldLearningRate,
    double NewLearningRate,
    LearningRateChangeSource Source,
    LearningRateCommandKind? Command);
