using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;

namespace HyperTune.Coordinator.Dashboard.Charts;

/// <summary>One line of a <see cref="CurveChart"/>: a trial's metric (or its learning rate) over epochs.</summary>
/// <param name="Key">Unique within the chart.</param>
/// <param name="Trial">The trial.</param>
/// <param name="Metric">A metric name, or <see cref="LearningRate"/>.</param>
/// <param name="Color">The stroke colour.</param>
/// <param name="Label">The legend's text; null for no legend entry.</param>
public sealed record CurveSpec(string Key, TrialSeries Trial, string Metric, string Color, string? Label = null)
{
    /// <summary>The pseudo-metric of the learning rate.</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>What the hover tooltip says of the curve besides its value: the trial and its key hyperparameters.</summary>
    public string? Tip { get; init; }

    /// <summary>True to draw the line faint and grey (a pruned trial in the intermediate-values plot).</summary>
    public bool Dim { get; init; }

    /// <summary>True to mark the curve's last point with a cross (where a pruned trial was stopped).</summary>
    public bool EndMark { get; init; }

    /// <summary>The value drawn for <paramref name="epoch"/>; NaN when it has none.</summary>
    public double ValueOf(EpochMetrics epoch) => ValueOf(epoch, Metric);

    /// <summary>The value of <paramref name="metric"/> in <paramref name="epoch"/>; NaN when it has none.</summary>
    public static double ValueOf(EpochMetrics epoch, string metric) =>
        metric == LearningRate ? epoch.LearningRate : epoch.Metrics.TryGetValue(metric, out var v) ? v : double.NaN;
}
