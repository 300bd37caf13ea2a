using System.Globalization;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// One vertical axis of the parallel-coordinates plot: a hyperparameter (or the objective) and how its values map to
/// 0 (bottom) … 1 (top). Numbers are linear, or log10 when all are positive and span more than a factor of 100;
/// categories are spread evenly in their order of first appearance.
/// </summary>
public sealed class ParallelAxis
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly double _min;
    private readonly double _max;

    private ParallelAxis(string name, bool log, double min, double max)
    {
        Name = name;
        Log = log;
        _min = min;
        _max = max;
    }

    /// <summary>The hyperparameter or objective.</summary>
    public string Name { get; }

    /// <summary>True for a log10 axis.</summary>
    public bool Log { get; }

    /// <summary>True when the axis shows categories.</summary>
    public bool Categorical => _categories.Count > 0;

    /// <summary>The axis of <paramref name="values"/>.</summary>
    public static ParallelAxis For(string name, IEnumerable<ParameterValue?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (list.Count > 0 && list.All(v => v.IsNumber))
        {
            var numbers = list.Select(v => v.AsDouble()).Where(double.IsFinite).ToList();
            var min = numbers.Count > 0 ? numbers.Min() : 0;
            var max = numbers.Count > 0 ? numbers.Max() : 1;
            var log = min > 0 && max / min > 100;
            return log ? new ParallelAxis(name, true, Math.Log10(min), Math.Log10(max)) : new ParallelAxis(name, false, min, max);
        }

        var axis = new ParallelAxis(name, false, 0, 1);
        foreach (var value in list)
        {
            axis._categories.TryAdd(value.ToString(), axis._categories.Count);
        }

        return axis;
    }

    /// <summary>Where <paramref name="value"/> sits, 0 … 1; null when it has none.</summary>
    public double? Position(ParameterValue? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (Categorical)
        {
            return _categories.TryGetValue(v.ToString(), out var index) ? (_categories.Count == 1 ? 0.5 : index / (double)(_categories.Count - 1)) : null;
        }

        if (!v.IsNumber || !double.IsFinite(v.AsDouble()) || (Log && v.AsDouble() <= 0))
        {
            return null;
        }

        var x = Log ? Math.Log10(v.AsDouble()) : v.AsDouble();
        return _max - _min < 1e-12 ? 0.5 : (x - _min) / (_max - _min);
    }

    /// <summary>Labels along the axis: (position, text).</summary>
    public IEnumerable<(double Position, string Text)> Labels()
    {
        if (Categorical)
        {
            return _categories.Select(c => (_categories.Count == 1 ? 0.5 : c.Value / (double)(_categories.Count - 1), c.Key));
        }

        return [(0, Format(_min)), (1, Format(_max))];
    }

    private string Format(double value) => Log
        ? Math.Pow(10, value).ToString("0.##e0", CultureInfo.InvariantCulture)
        : value.ToString(Math.Abs(value) is >= 1e4 or (< 1e-3 and > 0) ? "0.##e0" : "0.####", CultureInfo.InvariantCulture);
}
