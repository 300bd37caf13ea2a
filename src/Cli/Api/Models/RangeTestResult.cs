namespace HyperTune.Cli.Api.Models;

/// <summary>What a completed range test found.</summary>
internal sealed record RangeTestResult
{
    public double SuggestedLearningRate { get; set; } = double.NaN;

    public double MinimumLossLearningRate { get; set; } = double.NaN;

    /// <summary>The lower bound proposed for a log-uniform learning-rate search.</summary>
    public double SearchLow { get; set; } = double.NaN;

    /// <summary>The upper bound proposed for a log-uniform learning-rate search.</summary>
    public double SearchHigh { get; set; } = double.NaN;

    /// <summary>Completed, Diverged or NonFinite.</summary>
    public string StopReason { get; set; } = "";

    /// <summary>steepest, or minimum/10 when too few points came before the minimum.</summary>
    public string Method { get; set; } = "";

    public IReadOnlyList<RangeTestPoint> Points { get; set; } = [];
}
