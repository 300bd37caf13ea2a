using System.Collections.Immutable;

namespace HyperTune.Search.RangeTest;

/// <summary>
/// The outcome of a learning-rate range test: the curve (loss and smoothed loss against learning rate), why it
/// stopped, the suggested learning rate and log-uniform bounds for a search around it.
/// </summary>
public sealed record RangeTestResult
{
    /// <summary>Every step recorded, in order; the last one is the step that stopped the test, if it stopped early.</summary>
    public required ImmutableArray<RangeTestPoint> Points { get; init; }

    /// <summary>Why the test ended.</summary>
    public required RangeTestStopReason StopReason { get; init; }

    /// <summary>The learning rate at the steepest descent of the smoothed loss (the suggestion).</summary>
    public required double SuggestedLearningRate { get; init; }

    /// <summary>The learning rate at the lowest smoothed loss.</summary>
    public required double MinimumLossLearningRate { get; init; }

    /// <summary>The lower bound proposed for a log-uniform search: suggestion / 10.</summary>
    public required double SearchLow { get; init; }

    /// <summary>The upper bound proposed for a log-uniform search: min(suggestion · 10, the minimum-loss learning rate).</summary>
    public required double SearchHigh { get; init; }

    /// <summary>
    /// How the suggestion was found: <c>steepest</c> (the normal case) or <c>minimum/10</c> (too few points before the
    /// minimum to take a slope).
    /// </summary>
    public required string Method { get; init; }
}
