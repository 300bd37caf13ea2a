using System.Globalization;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// Maps data to the pixels of a chart's plot area. Bounds are rounded out to "nice" numbers, so they — and with them
/// every curve already drawn — change rarely as data comes in.
/// </summary>
/// <param name="XMin">The smallest epoch shown.</param>
/// <param name="XMax">The largest epoch shown.</param>
/// <param name="YMin">The bottom value (its log10 for a log scale).</param>
/// <param name="YMax">The top value (its log10 for a log scale).</param>
/// <param name="LogY">True for a log10 y axis.</param>
public sealed record ChartScale(double XMin, double XMax, double YMin, double YMax, bool LogY)
{
    /// <summary>Plot width in SVG units.</summary>
    public const double Width = 600;

    /// <summary>Plot height in SVG units.</summary>
    public const double Height = 220;

    /// <summary>Left margin (y labels).</summary>
    public const double Left = 56;

    /// <summary>Top margin.</summary>
    public const double Top = 10;

    /// <summary>The SVG x of an epoch.</summary>
    public double X(double epoch) => Left + (epoch - XMin) / Math.Max(1e-12, XMax - XMin) * Width;

    /// <summary>The SVG y of a value; NaN when it cannot be drawn (non-finite, or not positive on a log scale).</summary>
    public double Y(double value)
    {
        if (!double.IsFinite(value) || (LogY && value <= 0))
        {
            return double.NaN;
        }

        var v = LogY ? Math.Log10(value) : value;
        var y = Top + (YMax - v) / Math.Max(1e-12, YMax - YMin) * Height;
        return Math.Clamp(y, Top - 4, Top + Height + 4); // out-of-range points sit on the edge
    }

    /// <summary>A scale for epochs 0…<paramref name="maxEpoch"/> and the given values.</summary>
    public static ChartScale For(int maxEpoch, IEnumerable<double> values, bool logY)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!logY || v > 0)).Select(v => logY ? Math.Log10(v) : v).ToList();
        var xMax = NiceCeiling(Math.Max(1, maxEpoch));
        if (finite.Count == 0)
        {
            return new ChartScale(0, xMax, logY ? -4 : 0, logY ? 0 : 1, logY);
        }

        // A robust range: a diverging trial's 1e30 loss must not flatten everyone else's curve.
        finite.Sort();
        var low = finite[(int)Math.Floor((finite.Count - 1) * 0.01)];
        var high = finite[(int)Math.Ceiling((finite.Count - 1) * 0.99)];
        if (logY)
        {
            return new ChartScale(0, xMax, Math.Floor(low), Math.Max(Math.Floor(low) + 1, Math.Ceiling(high)), true);
        }

        if (high - low < 1e-9)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var step = NiceStep((high - low) / 4);
        return new ChartScale(0, xMax, Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, false);
    }

    /// <summary>About five tick values on the y axis (log10 exponents for a log scale).</summary>
    public IEnumerable<double> YTicks()
    {
        var step = LogY ? Math.Max(1, Math.Ceiling((YMax - YMin) / 5)) : NiceStep((YMax - YMin) / 4);
        for (var v = YMin; v <= YMax + step / 1000; v += step)
        {
            yield return v;
        }
    }

    /// <summary>About five tick values on the x axis.</summary>
    public IEnumerable<double> XTicks()
    {
        var step = NiceStep((XMax - XMin) / 5);
        for (var v = XMin; v <= XMax + step / 1000; v += step)
        {
            yield return v;
        }
    }

    /// <summary>The SVG y of a tick (a log10 exponent on a log scale).</summary>
    public double TickY(double tick) => Top + (YMax - tick) / Math.Max(1e-12, YMax - YMin) * Height;

    /// <summary>A tick's label.</summary>
    public string TickLabel(double tick) => LogY
        ? "1e" + tick.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(tick) is >= 1e4 or (< 1e-3 and > 0) ? tick.ToString("0.#e0", CultureInfo.InvariantCulture) : tick.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A 1, 2 or 5 times a power of ten near <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static double NiceCeiling(double value)
    {
        var step = NiceStep(value / 5);
        return Math.Ceiling(value / step) * step;
    }
}
