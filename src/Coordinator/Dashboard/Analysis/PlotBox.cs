using System.Globalization;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>The plot area of an analysis chart in SVG units, and how axis positions (0 … 1) map into it.</summary>
/// <param name="Left">Left margin (y labels).</param>
/// <param name="Top">Top margin.</param>
/// <param name="Width">Plot width.</param>
/// <param name="Height">Plot height.</param>
public sealed record PlotBox(double Left, double Top, double Width, double Height)
{
    /// <summary>The standard analysis chart: 400 × 200 with room for labels, drawn about 1:1 at 1400 px in two or three columns.</summary>
    public static PlotBox Standard { get; } = new(58, 12, 390, 200);

    /// <summary>A small multiple (one slice plot).</summary>
    public static PlotBox Small { get; } = new(52, 10, 250, 150);

    /// <summary>The SVG viewBox: the plot and its margins (axis titles below).</summary>
    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Left + Width + 14:0.#} {Top + Height + 38:0.#}");

    /// <summary>The share of each side left free inside the frame, so marks at the ends of an axis are not cut.</summary>
    public const double Inset = 0.04;

    /// <summary>The SVG x of axis position <paramref name="position"/> (0 left … 1 right), inset from the frame.</summary>
    public double X(double position) => Left + (Inset + position * (1 - 2 * Inset)) * Width;

    /// <summary>The SVG y of axis position <paramref name="position"/> (0 bottom … 1 top), inset from the frame.</summary>
    public double Y(double position) => Top + (1 - Inset - position * (1 - 2 * Inset)) * Height;

    /// <summary>A number for SVG: one decimal, invariant.</summary>
    public static string Fmt(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
