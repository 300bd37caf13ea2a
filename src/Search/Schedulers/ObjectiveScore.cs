using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>Turns an objective metric into a score where higher is always better.</summary>
public static class ObjectiveScore
{
    /// <summary>
    /// The score of <paramref name="metrics"/>: the objective metric when maximizing, its negation when minimizing;
    /// −∞ (the worst) when it is missing, NaN or infinite in the bad direction.
    /// </summary>
    public static double Of(ObjectiveSpec objective, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.TryGetValue(objective.Metric, out var value) ? Of(objective, value) : double.NegativeInfinity;
    }

    /// <summary>The score of one value of the objective metric; NaN gives −∞.</summary>
    public static double Of(ObjectiveSpec objective, double value)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (double.IsNaN(value))
        {
            return double.NegativeInfinity;
        }

        return objective.Direction == OptimizationDirection.Maximize ? value : -value;
    }

    /// <summary>The metric value of a score (the inverse of <see cref="Of(ObjectiveSpec, double)"/>).</summary>
    public static double ToMetric(ObjectiveSpec objective, double score)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return objective.Direction == OptimizationDirection.Maximize ? score : -score;
    }
}
