using HyperTune.Training.Control;

namespace HyperTune.Training.Engine;

/// <summary>What a run reports at the end of every epoch.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The epoch just finished (1-based).</param>
/// <param name="Step">Global optimizer steps so far.</param>
/// <param name="Metrics">Metric name (see the search project's MetricNames) → value.</param>
/// <param name="LearningRate">The effective learning rate of the epoch's last step.</param>
/// <param name="LearningRateEvents">Learning-rate changes that took effect during this epoch.</param>
/// <param name="Duration">Wall time of the epoch, evaluation included.</param>
/// <param name="SamplesPerSecond">Training samples per second in this epoch.</param>
public sealed record EpochReport(
    string RunId,
    int Epoch,
    long Step,
    IReadOnlyDictionary<string, double> Metrics,
    double LearningRate,
    IReadOnlyList<LearningRateEvent> LearningRateEvents,
    TimeSpan Duration,
    double SamplesPerSecond);
