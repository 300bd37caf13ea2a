using HyperTune.Training.Control;

namespace HyperTune.Training.Engine;

/// <summary>How a run ended, and where.</summary>
/// <param name="Status">Completed, stopped, diverged or failed.</param>
/// <param name="Reason">Why it did not complete; null when it did.</param>
/// <param name="EpochsCompleted">Epochs finished, counting those before a resume.</param>
/// <param name="Steps">Global optimizer steps taken.</param>
/// <param name="FinalMetrics">The metrics of the last finished epoch (empty when none finished).</param>
/// <param name="LearningRateEvents">Every learning-rate change of the run.</param>
/// <param name="Error">The exception behind a <see cref="TrainingStatus.Failed"/> run.</param>
/// <param name="Duration">Wall time of the whole run in the engine: building the model, training, evaluating, checkpointing.</param>
public sealed record TrainingOutcome(
    TrainingStatus Status,
    string? Reason,
    int EpochsCompleted,
    long Steps,
    IReadOnlyDictionary<string, double> FinalMetrics,
    IReadOnlyList<LearningRateEvent> LearningRateEvents,
    Exception? Error = null,
    TimeSpan Duration = default);
