using HyperTune.Search.Metrics;

namespace HyperTune.Search.Specs;

/// <summary>What a study optimizes: one metric of <see cref="MetricNames"/> and a direction.</summary>
/// <param name="Metric">The metric name, e.g. <c>val_accuracy</c>; the dataset's task must produce it.</param>
/// <param name="Direction">Minimize or maximize. In JSON it may be left out; it then follows <see cref="MetricNames.IsHigherBetter"/>.</param>
public sealed record ObjectiveSpec(string Metric, OptimizationDirection Direction)
{
    /// <summary>The default objective: minimize <c>val_loss</c>, which every task reports.</summary>
    public static ObjectiveSpec Default { get; } = For(MetricNames.ValidationLoss);

    /// <summary>The objective of a metric in its natural direction (maximize accuracy and R², minimize the rest).</summary>
    public static ObjectiveSpec For(string metric) =>
        new(metric, MetricNames.IsHigherBetter(metric) ? OptimizationDirection.Maximize : OptimizationDirection.Minimize);

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>; NaN is never better.</summary>
    public bool IsBetter(double candidate, double incumbent) =>
        !double.IsNaN(candidate) && (double.IsNaN(incumbent) || (Direction == OptimizationDirection.Maximize ? candidate > incumbent : candidate < incumbent));
}
