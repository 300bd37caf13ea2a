using System.Globalization;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// One axis of a plot of hyperparameters (the parallel coordinates' vertical axes, the slice and contour plots' x and y):
/// a hyperparameter (or the objective) and how its values map to 0 (bottom, left) … 1 (top, right). Numbers are
/// linear, or log10 when the study searches them on a log scale (or, not knowing, when all are positive and span more
/// than a factor of 100); categories share the axis equally, each centred in its share, in sorted order.
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

    /// <summary>The categories in their order along the axis; empty for a numeric axis.</summary>
    public IEnumerable<string> Categories => _categories.OrderBy(c => c.Value).Select(c => c.Key);

    /// <summary>True when every trial has the same value (or none): such an axis tells nothing and is left out.</summary>
    public bool IsConstant => Categorical ? _categories.Count < 2 : !(_max - _min > 1e-12 * Math.Max(1, Math.Abs(_max)));

    /// <summary>
    /// The axis of <paramref name="values"/>; <paramref name="log"/> true or false when the study's search space says
    /// (see <see cref="LogDomains"/>), null to decide from the values.
    /// </summary>
    public static ParallelAxis For(string name, IEnumerable<ParameterValue?> values, bool? log = null)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (list.Count > 0 && list.All(v => v.IsNumber))
        {
            var numbers = list.Select(v => v.AsDouble()).Where(double.IsFinite).ToList();
            var min = numbers.Count > 0 ? numbers.Min() : 0;
            var max = numbers.Count > 0 ? numbers.Max() : 1;
            var useLog = min > 0 && (log ?? max / min > 100);
            return useLog ? new ParallelAxis(name, true, Math.Log10(min), Math.Log10(max)) : new ParallelAxis(name, false, min, max);
        }

        var axis = new ParallelAxis(name, false, 0, 1);
        foreach (var value in list.Select(v => v.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            axis._categories.Add(value, axis._categories.Count);
        }

        return axis;
    }

    /// <summary>The axis of numbers (an objective).</summary>
    public static ParallelAxis ForNumbers(string name, IEnumerable<double> values, bool? log = null) =>
        For(name, values.Select(v => (ParameterValue?)v), log);

    /// <summary>Where <paramref name="value"/> sits, 0 … 1; null when it has none.</summary>
    public double? Position(ParameterValue? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (Categorical)
        {
            return _categories.TryGetValue(v.ToString(), out var index) ? CategoryPosition(index) : null;
        }

        return v.IsNumber ? Position(v.AsDouble()) : null;
    }

    /// <summary>Where category number <paramref name="index"/> sits: categories are centred in equal shares of the axis.</summary>
    public double CategoryPosition(int index) => (index + 0.5) / _categories.Count;

    /// <summary>Where the number <paramref name="value"/> sits, 0 … 1; null when it cannot be placed.</summary>
    public double? Position(double value)
    {
        if (Categorical || !double.IsFinite(value) || (Log && value <= 0))
        {
            return null;
        }

        var x = Log ? Math.Log10(value) : value;
        return _max - _min < 1e-12 ? 0.5 : (x - _min) / (_max - _min);
    }

    /// <summary>The number at <paramref name="position"/> (0 … 1) of a numeric axis.</summary>
    public double ValueAt(double position)
    {
        var x = _min + position * (_max - _min);
        return Log ? Math.Pow(10, x) : x;
    }

    /// <summary>Labels along the axis: (position, text) — every category (at most <paramref name="most"/>), or about five numbers.</summary>
    public IEnumerable<(double Position, string Text)> Labels(int most = 12)
    {
        if (Categorical)
        {
            var step = Math.Max(1, (int)Math.Ceiling(_categories.Count / (double)most));
            return _categories.Where(c => c.Value % step == 0)
                .Select(c => (CategoryPosition(c.Value), c.Key));
        }

        if (IsConstant)
        {
            return [(0.5, Format(_min))];
        }

        var labels = new List<(double, string)>();
        var tick = ChartScale.NiceStep((_max - _min) / 4);
        if (Log)
        {
            tick = Math.Max(1, Math.Round(tick));
        }

        for (var v = Math.Ceiling(_min / tick - 1e-9) * tick; v <= _max + tick * 1e-9; v += tick)
        {
            labels.Add(((v - _min) / (_max - _min), Format(v)));
        }

        return labels.Count >= 2 ? labels : [(0, Format(_min)), (1, Format(_max))];
    }

    private string Format(double value)
    {
        if (Log)
        {
            return Math.Pow(10, value).ToString("0.##e0", CultureInfo.InvariantCulture);
        }

        if (Math.Abs(value) <= 1e-9 * Math.Max(Math.Abs(_min), Math.Abs(_max)))
        {
            value = 0; // no "-0" from rounding
        }

        return value.ToString(Math.Abs(value) is >= 1e4 or (< 1e-3 and > 0) ? "0.##e0" : "0.####", CultureInfo.InvariantCulture);
    }
}
