using System.Globalization;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>How the dashboard writes numbers and values.</summary>
public static class Format
{
    /// <summary>A metric or rate: four significant digits, "–" when missing.</summary>
    public static string Number(double value) => double.IsNaN(value) ? "–"
        : double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞")
        : value.ToString(Math.Abs(value) is >= 1e5 or (< 1e-3 and > 0) ? "0.###e0" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>A hyperparameter's value.</summary>
    public static string Value(ParameterValue value) => value.Kind == ParameterValueKind.Float ? Number(value.AsDouble()) : value.ToString();

    /// <summary>A duration as h:mm:ss.</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + span.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
