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

    /// <summary>How many spans of the typical curves a curve's median may lie beyond theirs and still set the range.</summary>
    public const double CurveFence = 3;

    /// <summary>
    /// The range of several curves: first the curves whose level (their median) lies far from the others' — more than
    /// <see cref="CurveFence"/> times the span of the middle half of the curves beyond their medians' quartiles, so two
    /// trials stuck at a loss of 150 among sixteen under 2 — are left out (with four curves or more), then <see cref="Of"/> over the points of the rest, which also
    /// leaves out a diverged tail. Null when no value is finite.
    /// </summary>
    public static (double Low, double High)? OfCurves(IReadOnlyList<IReadOnlyList<double>> curves, bool log = false)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var levels = curves.Select(c => Median(c, log)).ToList();
        var known = levels.Where(double.IsFinite).Order().ToList();
        if (known.Count < 4)
        {
            return Of(curves.SelectMany(c => c), log);
        }

        // The spread is the middle half of the curves' own span (their early epochs included), or their medians' when wider:
        // an accuracy curve stuck at chance lies within a few spans of curves that start there; a loss of 150 does not.
        var (q1, q3) = (Quantile(known, 0.25), Quantile(known, 0.75));
        var middle = Of(curves.Where((_, i) => levels[i] >= q1 && levels[i] <= q3).SelectMany(c => c), log);
        var spread = Math.Max(q3 - q1, middle is { } span ? span.High - span.Low : 0);
        spread = Math.Max(spread, Math.Max(Math.Abs(q1), Math.Abs(q3)) * 1e-6 + 1e-12);
        var (floor, ceiling) = (q1 - CurveFence * spread, q3 + CurveFence * spread);
        var kept = curves.Where((_, i) => !double.IsFinite(levels[i]) || (levels[i] >= floor && levels[i] <= ceiling));
        return Of(kept.SelectMany(c => c), log) ?? Of(curves.SelectMany(c => c), log);
    }

    private static double Median(IReadOnlyList<double> values, bool log)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).Select(v => log ? Math.Log10(v) : v).Order().ToList();
        return finite.Count == 0 ? double.NaN : Quantile(finite, 0.5);
    }

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
