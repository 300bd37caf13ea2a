using System.Collections.Immutable;

namespace HyperTune.Abstractions.Trials;

/// <summary>One epoch of a trial, as it reported it.</summary>
/// <param name="Epoch">The epoch (1-based).</param>
/// <param name="Step">Global optimizer steps so far.</param>
/// <param name="Metrics">Metric name → value.</param>
/// <param name="LearningRate">The effective learning rate of the epoch's last step.</param>
/// <param name="DurationSeconds">Wall time of the epoch.</param>
/// <param name="ReportedAt">When the epoch ended.</param>
[GenerateSerializer, Immutable]
public sealed record EpochMetrics(
    [property: Id(0)] int Epoch,
    [property: Id(1)] long Step,
    [property: Id(2)] ImmutableDictionary<string, double> Metrics,
    [property: Id(3)] double LearningRate,
    [property: Id(4)] double DurationSeconds,
    [property: Id(5)] DateTimeOffset ReportedAt);
