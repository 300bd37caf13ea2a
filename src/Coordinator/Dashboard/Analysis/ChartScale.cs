using System.Globalization;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// Maps data to the pixels of a chart's plot area. Bounds are rounded out to "nice" numbers, so they — and with them
/// every curve already drawn — change rarely as data comes in.
/// </summary>
/// <param name="XMin">The smallest epoch shown (the log10 of the smallest x for a log x axis).</param>
/// <param name="XMax">The largest epoch shown (the log10 of the largest x for a log x axis).</param>
/// <param name="YMin">The bottom value (its log10 for a log scale).</param>
/// <param name="YMax">The top value (its log10 for a log scale).</param>
/// <param name="LogY">True for a log10 y axis.</param>
/// <param name="LogX">True for a log10 x axis (learning rates) in place of epochs.</param>
public sealed record ChartScale(double XMin, double XMax, double YMin, double YMax, bool LogY, bool LogX = false)
{
    /// <summary>
    /// Plot width in SVG units: with its margins about the width a chart gets in three columns at 1400 px, so its
    /// 13.5-unit labels show at about 12 px.
    /// </summary>
    public const double Width = 400;

    /// <summary>Plot height in SVG units.</summary>
    public const double Height = 200;

    /// <summary>Left margin (y labels).</summary>
    public const double Left = 56;

    /// <summary>Top margin.</summary>
    public const double Top = 10;

    /// <summary>The SVG x of an epoch (of a positive value on a log x axis; NaN for any other there).</summary>
    public double X(double epoch)
    {
        if (LogX && !(epoch > 0 && double.IsFinite(epoch)))
        {
            return double.NaN;
        }

        return TickX(LogX ? Math.Log10(epoch) : epoch);
    }

    /// <summary>The SVG x of an x tick (a log10 exponent on a log x axis).</summary>
    public double TickX(double tick) => Left + (tick - XMin) / Math.Max(1e-12, XMax - XMin) * Width;

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

    /// <summary>
    /// A scale for epochs 0…<paramref name="maxEpoch"/> and the given values: their robust range (see
    /// <see cref="RobustRange"/>), or with <paramref name="robust"/> false all of them.
    /// </summary>
    public static ChartScale For(int maxEpoch, IEnumerable<double> values, bool logY, bool robust = true)
    {
        var (yMin, yMax) = robust ? YBounds(values, logY) : Bounds(Extent(values, logY), logY);
        return new ChartScale(0, NiceCeiling(Math.Max(1, maxEpoch)), yMin, yMax, logY);
    }

    /// <summary>A scale for epochs 0…<paramref name="maxEpoch"/> and several curves' values (see <see cref="RobustRange.OfCurves"/>).</summary>
    public static ChartScale ForCurves(int maxEpoch, IReadOnlyList<IReadOnlyList<double>> curves, bool logY)
    {
        var (yMin, yMax) = Bounds(RobustRange.OfCurves(curves, logY), logY);
        return new ChartScale(0, NiceCeiling(Math.Max(1, maxEpoch)), yMin, yMax, logY);
    }

    /// <summary>
    /// A scale with a log10 x axis over whole decades around <paramref name="xLow"/>…<paramref name="xHigh"/> (both
    /// positive), and the given values.
    /// </summary>
    public static ChartScale ForLogX(double xLow, double xHigh, IEnumerable<double> values, bool logY)
    {
        var low = xLow > 0 && double.IsFinite(xLow) ? Math.Floor(Math.Log10(xLow)) : -1;
        var high = xHigh > 0 && double.IsFinite(xHigh) ? Math.Ceiling(Math.Log10(xHigh)) : low + 1;
        var (yMin, yMax) = YBounds(values, logY);
        return new ChartScale(low, Math.Max(low + 1, high), yMin, yMax, logY, LogX: true);
    }

    /// <summary>True when <paramref name="value"/> lies above the top of the plot (it is drawn clipped on the edge).</summary>
    public bool IsAbove(double value) => double.IsFinite(value) && (!LogY || value > 0) && (LogY ? Math.Log10(value) : value) > YMax + (YMax - YMin) * 1e-9;

    /// <summary>True when <paramref name="value"/> lies below the bottom of the plot (a value ≤ 0 on a log axis is not drawn at all).</summary>
    public bool IsBelow(double value) => double.IsFinite(value) && (!LogY || value > 0) && (LogY ? Math.Log10(value) : value) < YMin - (YMax - YMin) * 1e-9;

    // A robust range: a diverging trial's 1e30 loss must not flatten everyone else's curve.
    private static (double Min, double Max) YBounds(IEnumerable<double> values, bool logY) => Bounds(RobustRange.Of(values, logY), logY);

    private static (double Low, double High)? Extent(IEnumerable<double> values, bool logY)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!logY || v > 0)).Select(v => logY ? Math.Log10(v) : v).ToList();
        return finite.Count == 0 ? null : (finite.Min(), finite.Max());
    }

    // Rounded out to nice numbers (whole decades on a log axis).
    private static (double Min, double Max) Bounds((double Low, double High)? robust, bool logY)
    {
        if (robust is not { } range)
        {
            return (logY ? -4 : 0, logY ? 0 : 1);
        }

        var (low, high) = range;

        if (logY)
        {
            return (Math.Floor(low), Math.Max(Math.Floor(low) + 1, Math.Ceiling(high)));
        }

        if (high - low < 1e-9)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var step = NiceStep((high - low) / 4);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step);
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

    /// <summary>About five tick values on the x axis (every decade, or every few, as log10 exponents on a log x axis).</summary>
    public IEnumerable<double> XTicks()
    {
        var step = LogX ? Math.Max(1, Math.Ceiling((XMax - XMin) / 10)) : NiceStep((XMax - XMin) / 5);
        for (var v = XMin; v <= XMax + step / 1000; v += step)
        {
            yield return v;
        }
    }

    /// <summary>The SVG y of a tick (a log10 exponent on a log scale).</summary>
    public double TickY(double tick) => Top + (YMax - tick) / Math.Max(1e-12, YMax - YMin) * Height;

    /// <summary>An x tick's label: the epoch, or <c>1e-4</c> on a log x axis.</summary>
    public string XTickLabel(double tick) => LogX
        ? "1e" + tick.ToString("0", CultureInfo.InvariantCulture)
        : tick.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A tick's label.</summary>
    public string TickLabel(double tick)
    {
        if (LogY)
        {
            return "1e" + tick.ToString("0", CultureInfo.InvariantCulture);
        }

        if (Math.Abs(tick) <= 1e-9 * Math.Max(Math.Abs(YMin), Math.Abs(YMax)))
        {
            tick = 0; // no "-0" from rounding
        }

        return Math.Abs(tick) is >= 1e4 or (< 1e-3 and > 0) ? tick.ToString("0.#e0", CultureInfo.InvariantCulture) : tick.ToString("0.###", CultureInfo.InvariantCulture);
    }

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
