using System.Globalization;
using System.Text;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>Turns a trial's epochs into an SVG path, thinned to a bounded number of points.</summary>
public static class CurvePath
{
    /// <summary>
    /// The path of <paramref name="value"/> over <paramref name="epochs"/>. With more than <paramref name="maxPoints"/>
    /// epochs, they are cut into buckets of consecutive epochs and each bucket keeps its first point and its lowest and
    /// highest (min-max thinning), so spikes stay visible. Points without a value break the line.
    /// </summary>
    public static string Build(IReadOnlyList<EpochMetrics> epochs, Func<EpochMetrics, double> value, ChartScale scale, int maxPoints)
    {
        var text = new StringBuilder(epochs.Count * 14);
        var penDown = false;
        foreach (var index in Thin(epochs, value, maxPoints))
        {
            var epoch = epochs[index];
            var y = scale.Y(value(epoch));
            if (double.IsNaN(y))
            {
                penDown = false;
                continue;
            }

            text.Append(penDown ? 'L' : 'M')
                .Append(scale.X(epoch.Epoch).ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            penDown = true;
        }

        return text.ToString();
    }

    /// <summary>The indexes to draw, in order.</summary>
    public static IEnumerable<int> Thin(IReadOnlyList<EpochMetrics> epochs, Func<EpochMetrics, double> value, int maxPoints)
    {
        if (epochs.Count <= maxPoints)
        {
            for (var i = 0; i < epochs.Count; i++)
            {
                yield return i;
            }

            yield break;
        }

        var buckets = Math.Max(1, maxPoints / 3);
        var size = (double)epochs.Count / buckets;
        for (var b = 0; b < buckets; b++)
        {
            var start = (int)(b * size);
            var end = Math.Min(epochs.Count, (int)((b + 1) * size));
            int low = start, high = start;
            for (var i = start; i < end; i++)
            {
                var v = value(epochs[i]);
                if (v < value(epochs[low]) || double.IsNaN(value(epochs[low])))
                {
                    low = i;
                }

                if (v > value(epochs[high]) || double.IsNaN(value(epochs[high])))
                {
                    high = i;
                }
            }

            foreach (var i in new SortedSet<int> { start, low, high })
            {
                yield return i;
            }
        }

        yield return epochs.Count - 1;
    }
}
