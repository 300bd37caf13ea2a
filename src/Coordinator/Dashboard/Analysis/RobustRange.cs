namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// A y range that the bulk of the visible values decides, so that one diverged trial (a loss of 200, or 1e30) does not
/// flatten every other curve. The body is the 5th to 95th percentile of the values; the range then takes in every value
/// within one body-width beyond it on either side (the early epochs of a loss curve, an accuracy that starts at chance)
/// and leaves out the rest, which the charts draw clipped at the edge with a mark. Log axes do the same on log10 values.
/// </summary>
public static class RobustRange
{
    /// <summary>The body's lower percentile.</summary>
    public const double LowQuantile = 0.05;

    /// <summary>The body's upper percentile.</summary>
    public const double HighQuantile = 0.95;

    /// <summary>How many body widths beyond the body a value may lie and still set the range.</summary>
    public const double Reach = 1.0;

    /// <summary>
    /// The range of <paramref name="values"/> (log10 values when <paramref name="log"/>; values ≤ 0 are then left out),
    /// or null when none is finite.
    /// </summary>
    public static (double Low, double High)? Of(IEnumerable<double> values, bool log = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = new List<double>();
        foreach (var value in values)
        {
            if (double.IsFinite(value) && (!log || value > 0))
            {
                finite.Add(log ? Math.Log10(value) : value);
            }
        }

        if (finite.Count == 0)
        {
            return null;
        }

        finite.Sort();
        var low = Quantile(finite, LowQuantile);
        var high = Quantile(finite, HighQuantile);
        var width = high - low;
        var (floor, ceiling) = (low - Reach * width, high + Reach * width);
        var min = finite.First(v => v >= floor);
        var max = finite.Last(v => v <= ceiling);
        return (min, max);
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, linearly interpolated.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = Math.Clamp(q, 0, 1) * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(sorted.Count - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
