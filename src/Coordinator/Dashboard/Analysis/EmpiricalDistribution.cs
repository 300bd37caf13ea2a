namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// The empirical distribution function of the trials' objective values (Optuna's EDF plot): for each value v, the share
/// of trials whose value is at most v. A steep rise at good values means many trials got there.
/// </summary>
public static class EmpiricalDistribution
{
    /// <summary>The finite values in ascending order, each with the share of values at most it (ties share the top one).</summary>
    public static IReadOnlyList<(double Value, double Share)> Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToList();
        var points = new List<(double, double)>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var last = i == sorted.Count - 1 || sorted[i + 1] != sorted[i];
            if (last)
            {
                points.Add((sorted[i], (i + 1) / (double)sorted.Count));
            }
        }

        return points;
    }
}
