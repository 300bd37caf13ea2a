namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// Smooths a curve by an exponential moving average, as TensorBoard's smoothing slider does: each point becomes
/// a = w·a + (1 − w)·y, divided by 1 − w^n (n the points averaged so far) so the start is not pulled towards zero.
/// Non-finite points are kept as they are and do not enter the average.
/// </summary>
public static class Smoothing
{
    /// <summary>The largest weight: 0.999 already averages over about a thousand points.</summary>
    public const double MaxWeight = 0.999;

    /// <summary>
    /// The smoothed values of <paramref name="values"/> with weight <paramref name="weight"/> (0 = none, up to
    /// <see cref="MaxWeight"/>); the input itself when the weight is 0.
    /// </summary>
    public static IReadOnlyList<double> Ema(IReadOnlyList<double> values, double weight)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(weight > 0))
        {
            return values;
        }

        weight = Math.Min(weight, MaxWeight);
        var smoothed = new double[values.Count];
        var last = 0.0;
        var count = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var y = values[i];
            if (!double.IsFinite(y))
            {
                smoothed[i] = y;
                continue;
            }

            last = last * weight + (1 - weight) * y;
            count++;
            smoothed[i] = last / (1 - Math.Pow(weight, count));
        }

        return smoothed;
    }
}
