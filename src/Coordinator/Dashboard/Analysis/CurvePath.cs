using System.Globalization;
using System.Text;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>Turns a trial's epochs (or any series of points) into an SVG path, thinned to a bounded number of points.</summary>
public static class CurvePath
{
    /// <summary>The width, in pixels, of the dash that draws a point with no neighbour to join.</summary>
    private const double LonePointWidth = 4;

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
    public static string Build<T>(IReadOnlyList<T> points, Func<T, double> x, Func<T, double> y, ChartScale scale, int maxPoints) =>
        Draw(points, x, y, scale, maxPoints).Path;

    /// <summary>
    /// The curve of <paramref name="y"/> against <paramref name="x"/>, thinned and broken like
    /// <see cref="Build{T}(IReadOnlyList{T}, Func{T, double}, Func{T, double}, ChartScale, int)"/>, with the data values of
    /// its vertices and a <see cref="ClippedMark"/> where each run of points beyond the y range begins.
    /// </summary>
    public static CurveDrawing Draw<T>(IReadOnlyList<T> points, Func<T, double> x, Func<T, double> y, ChartScale scale, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return CurveDrawing.Empty;
        }

        var path = new StringBuilder(points.Count * 14);
        var xs = new StringBuilder(points.Count * 4);
        var ys = new StringBuilder(points.Count * 7);
        var clipped = new List<ClippedMark>();
        var penDown = false;
        var vertices = 0;
        // Where the current run of the line began, and whether it is still a lone point (a move with no line after it
        // draws nothing: it is drawn as a short dash, so a trial of one epoch, or a point between gaps, shows).
        var runStart = -1;
        var (runX, runY) = (0.0, 0.0);
        var lone = false;
        var outside = 0; // -1 below, 1 above, 0 inside
        foreach (var index in Thin(points, y, maxPoints))
        {
            var point = points[index];
            var (vx, vy) = (x(point), y(point));
            var (px, py) = (scale.X(vx), scale.Y(vy));
            if (double.IsNaN(px) || double.IsNaN(py))
            {
                penDown = false;
                outside = 0;
                continue;
            }

            var side = scale.IsAbove(vy) ? 1 : scale.IsBelow(vy) ? -1 : 0;
            if (side != 0 && side != outside)
            {
                clipped.Add(new ClippedMark(px, py, side > 0, vx, vy));
            }

            outside = side;
            if (!penDown)
            {
                if (lone)
                {
                    DrawLonePoint(path, runStart, runX, runY);
                }

                (runStart, runX, runY, lone) = (path.Length, px, py, true);
            }
            else
            {
                lone = false;
            }

            path.Append(penDown ? 'L' : 'M').Append(Fmt(px)).Append(',').Append(Fmt(py));
            if (vertices > 0)
            {
                xs.Append(',');
                ys.Append(',');
            }

            xs.Append(vx.ToString("G6", CultureInfo.InvariantCulture));
            ys.Append(vy.ToString("G5", CultureInfo.InvariantCulture));
            penDown = true;
            vertices++;
        }

        if (lone)
        {
            DrawLonePoint(path, runStart, runX, runY);
        }

        return new CurveDrawing(path.ToString(), xs.ToString(), ys.ToString(), vertices, clipped);
    }

    /// <summary>Replaces the lone move at <paramref name="start"/> by a dash of <see cref="LonePointWidth"/> centred on the point.</summary>
    private static void DrawLonePoint(StringBuilder path, int start, double x, double y)
    {
        path.Length = start;
        path.Append('M').Append(Fmt(x - (LonePointWidth / 2))).Append(',').Append(Fmt(y)).Append('h').Append(Fmt(LonePointWidth));
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
        var last = -1;
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
                last = i;
                yield return i;
            }
        }

        if (last != points.Count - 1)
        {
            yield return points.Count - 1;
        }
    }

    private static string Fmt(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
