using System.Globalization;
using System.Text;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>Turns a trial's epochs (or any series of points) into an SVG path, thinned to a bounded number of points.</summary>
public static class CurvePath
{
    /// <summary>
    /// The path of <paramref name="value"/> over <paramref name="epochs"/>. With more than <paramref name="maxPoints"/>
    /// epochs, they are cut into buckets of consecutive epochs and each bucket keeps its first point and its lowest and
    /// highest (min-max thinning), so spikes stay visible. Points without a value break the line.
    /// </summary>
    public static string Build(IReadOnlyList<EpochMetrics> epochs, Func<EpochMetrics, double> value, ChartScale scale, int maxPoints) =>
        Build(epochs, e => e.Epoch, value, scale, maxPoints);

    /// <summary>
    /// The path of <paramref name="y"/> against <paramref name="x"/> over <paramref name="points"/>, in their order, thinned
    /// like <see cref="Build(IReadOnlyList{EpochMetrics}, Func{EpochMetrics, double}, ChartScale, int)"/>. Points the
    /// scale cannot place (no value, or not positive on a log axis) break the line.
    /// </summary>
    public static string Build<T>(IReadOnlyList<T> points, Func<T, double> x, Func<T, double> y, ChartScale scale, int maxPoints)
    {
        var text = new StringBuilder(points.Count * 14);
        var penDown = false;
        foreach (var index in Thin(points, y, maxPoints))
        {
            var point = points[index];
            var (px, py) = (scale.X(x(point)), scale.Y(y(point)));
            if (double.IsNaN(px) || double.IsNaN(py))
            {
                penDown = false;
                continue;
            }

            text.Append(penDown ? 'L' : 'M')
                .Append(px.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(py.ToString("0.#", CultureInfo.InvariantCulture));
            penDown = true;
        }

        return text.ToString();
    }

    /// <summary>The indexes to draw, in order.</summary>
    public static IEnumerable<int> Thin<T>(IReadOnlyList<T> points, Func<T, double> value, int maxPoints)
    {
        if (points.Count <= maxPoints)
        {
            for (var i = 0; i < points.Count; i++)
            {
                yield return i;
            }

            yield break;
        }

        var buckets = Math.Max(1, maxPoints / 3);
        var size = (double)points.Count / buckets;
        for (var b = 0; b < buckets; b++)
        {
            var start = (int)(b * size);
            var end = Math.Min(points.Count, (int)((b + 1) * size));
            int low = start, high = start;
            for (var i = start; i < end; i++)
            {
                var v = value(points[i]);
                if (v < value(points[low]) || double.IsNaN(value(points[low])))
                {
                    low = i;
                }

                if (v > value(points[high]) || double.IsNaN(value(points[high])))
                {
                    high = i;
                }
            }

            foreach (var i in new SortedSet<int> { start, low, high })
            {
                yield return i;
            }
        }

        yield return points.Count - 1;
    }
}
