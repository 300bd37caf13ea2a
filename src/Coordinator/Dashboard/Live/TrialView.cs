using HyperTune.Abstractions.Trials;
using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// How a study page arranges its trials: the table's filter (text and state) and brushes (parallel-coordinates ranges)
/// choose the rows, its sort orders them, and the charts draw the first <see cref="TopK"/> of them — the best by the
/// objective while the table is in its default order, else the table's first rows — plus the trials pinned by hand.
/// </summary>
public sealed class TrialView
{
    /// <summary>The table's default column: trial number.</summary>
    public const string NumberColumn = "#";

    /// <summary>The text filter: a trial passes when its id, silo, state or any <c>name=value</c> of its config contains it.</summary>
    public string Filter { get; set; } = "";

    /// <summary>The state filter: a <see cref="TrialState"/> name, or empty for every state.</summary>
    public string StateFilter { get; set; } = "";

    /// <summary>The sort column: <see cref="NumberColumn"/>, state, silo, epoch, best, lr, the objective or a hyperparameter.</summary>
    public string Sort { get; private set; } = NumberColumn;

    /// <summary>True to sort largest first.</summary>
    public bool Descending { get; private set; }

    /// <summary>How many trials the charts draw (besides the pinned ones). Default 20.</summary>
    public int TopK { get; set; } = 20;

    /// <summary>The brushes, by axis.</summary>
    public Dictionary<string, AxisBrush> Brushes { get; } = new(StringComparer.Ordinal);

    /// <summary>Trials pinned to the charts by hand (the table's check boxes).</summary>
    public HashSet<string> Pinned { get; } = new(StringComparer.Ordinal);

    /// <summary>Sorts by <paramref name="column"/>; the column already sorted by turns around. <c>best</c> starts with the best.</summary>
    public void SortBy(string column, bool maximize)
    {
        (Sort, Descending) = column == Sort ? (column, !Descending) : (column, column == "best" && maximize);
    }

    /// <summary>The rows: <paramref name="trials"/> that pass the filters and brushes, sorted; trials without a value sort last.</summary>
    public List<TrialSeries> Arrange(IReadOnlyList<TrialSeries> trials, string objective, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(trials);
        IEnumerable<TrialSeries> rows = trials;
        if (Enum.TryParse<TrialState>(StateFilter, out var state))
        {
            rows = rows.Where(t => t.State == state);
        }

        if (Filter.Trim() is { Length: > 0 } text)
        {
            rows = rows.Where(t => Matches(t, text));
        }

        foreach (var brush in Brushes.Values)
        {
            rows = brush.Axis == objective
                ? rows.Where(t => brush.Passes(t.Objective))
                : rows.Where(t => brush.Passes(t.Snapshot?.Config.TryGetValue(brush.Axis, out var v) == true ? (ParameterValue?)v : null));
        }

        var list = rows.ToList();
        Func<TrialSeries, double>? number = Sort switch
        {
            NumberColumn => t => t.Number,
            "epoch" => t => t.Epoch,
            "best" => t => t.Objective,
            "lr" => t => t.LearningRate,
            var c when c == objective => t => t.Latest(objective),
            _ => null,
        };
        Comparison<TrialSeries> compare = Sort switch
        {
            "state" => (a, b) => a.State.CompareTo(b.State),
            "silo" => (a, b) => string.CompareOrdinal(a.Snapshot?.Silo, b.Snapshot?.Silo),
            _ when number is not null => (a, b) => number(a).CompareTo(number(b)),
            var p => (a, b) => CompareParameter(a, b, p),
        };
        var sign = Descending ? -1 : 1;
        list.Sort((a, b) =>
        {
            if (number is not null && (double.IsNaN(number(a)) || double.IsNaN(number(b))))
            {
                return double.IsNaN(number(a)) == double.IsNaN(number(b)) ? a.Number.CompareTo(b.Number) : double.IsNaN(number(a)) ? 1 : -1;
            }

            var result = sign * compare(a, b);
            return result != 0 ? result : a.Number.CompareTo(b.Number);
        });
        return list;
    }

    /// <summary>
    /// The trials the charts draw, from <paramref name="rows"/> (as <see cref="Arrange"/> gave them): the best
    /// <see cref="TopK"/> by the objective in the default order, else the first <see cref="TopK"/> rows; then the pinned
    /// trials (and <paramref name="extra"/>, say a hovered row) whether or not the filters let them through.
    /// </summary>
    public List<TrialSeries> Charted(IReadOnlyList<TrialSeries> rows, bool maximize, Func<string, TrialSeries?> find, string? extra = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(find);
        IEnumerable<TrialSeries> first = Sort == NumberColumn
            ? rows.Where(t => double.IsFinite(t.Objective))
                .OrderBy(t => maximize ? -t.Objective : t.Objective).ThenBy(t => t.Number)
                .Concat(rows.Where(t => !double.IsFinite(t.Objective)))
            : rows;
        var charted = first.Take(TopK).ToList();
        var ids = charted.Select(t => t.TrialId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Pinned.Append(extra).OfType<string>())
        {
            if (ids.Add(id) && find(id) is { } trial)
            {
                charted.Add(trial);
            }
        }

        return charted;
    }

    private static bool Matches(TrialSeries t, string text) =>
        t.TrialId.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (t.Snapshot?.Silo ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.State.ToString().Contains(text, StringComparison.OrdinalIgnoreCase)
        || (t.Snapshot?.Config.Any(p => (p.Key + "=" + p.Value).Contains(text, StringComparison.OrdinalIgnoreCase)) ?? false);

    private static int CompareParameter(TrialSeries a, TrialSeries b, string name)
    {
        var hasA = a.Snapshot?.Config.TryGetValue(name, out var va) == true;
        var hasB = b.Snapshot?.Config.TryGetValue(name, out var vb) == true;
        if (!hasA || !hasB)
        {
            return hasB.CompareTo(hasA);
        }

        va = a.Snapshot!.Config[name];
        vb = b.Snapshot!.Config[name];
        return va.IsNumber && vb.IsNumber ? va.AsDouble().CompareTo(vb.AsDouble()) : string.CompareOrdinal(va.ToString(), vb.ToString());
    }
}
