using System.Globalization;
using System.Text.Json;
using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// A range brushed on a parallel-coordinates axis, in axis positions (0 bottom … 1 top), as the browser hands it over;
/// <see cref="Axis"/> null clears every brush, a span under <see cref="MinimumSpan"/> clears that axis's.
/// </summary>
/// <param name="Axis">The axis (a hyperparameter or the objective); null for all.</param>
/// <param name="Low">The lower position.</param>
/// <param name="High">The upper position.</param>
public sealed record BrushChange(string? Axis, double Low, double High)
{
    /// <summary>Spans narrower than this (a click) clear the axis's brush.</summary>
    public const double MinimumSpan = 0.01;

    /// <summary>Reads <c>{"axis": "lr", "low": 0.2, "high": 0.5}</c>; null when it is not that (hostile or broken input is ignored).</summary>
    public static BrushChange? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > 1000)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("axis", out var axis) || axis.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("low", out var low) || low.ValueKind != JsonValueKind.Number || !low.TryGetDouble(out var l)
                || !root.TryGetProperty("high", out var high) || high.ValueKind != JsonValueKind.Number || !high.TryGetDouble(out var h)
                || !double.IsFinite(l) || !double.IsFinite(h))
            {
                return null;
            }

            (l, h) = (Math.Clamp(Math.Min(l, h), 0, 1), Math.Clamp(Math.Max(l, h), 0, 1));
            return new BrushChange(axis.GetString(), l, h);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The brush on <paramref name="axis"/> this change sets: numbers between the positions' values; the categories
    /// whose share of the axis the span overlaps. Null when it clears the axis's brush.
    /// </summary>
    public AxisBrush? ToBrush(ParallelAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (High - Low < MinimumSpan)
        {
            return null;
        }

        if (axis.Categorical)
        {
            var categories = axis.Categories.ToList();
            var names = categories.Where((_, i) => Low < (i + 1) / (double)categories.Count && High > i / (double)categories.Count)
                .ToHashSet(StringComparer.Ordinal);
            return new AxisBrush(axis.Name, double.NaN, double.NaN, names);
        }

        // A hair wider than the span, so a brush to the end of an axis keeps the trial at its end despite rounding.
        var (low, high) = (axis.ValueAt(Low), axis.ValueAt(High));
        (low, high) = (Math.Min(low, high), Math.Max(low, high));
        return new AxisBrush(axis.Name, low - Math.Abs(low) * 1e-9, high + Math.Abs(high) * 1e-9);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Axis}: {Low:0.###}–{High:0.###}");
}
