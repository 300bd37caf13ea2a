namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>The optimization history: each trial's value in trial order, and the best value reached up to each trial.</summary>
public static class BestSoFar
{
    /// <summary>
    /// For each trial in order of <c>Number</c>, the best finite value among it and the trials before it (NaN until the
    /// first finite one); <paramref name="maximize"/> says which way is better.
    /// </summary>
    public static IReadOnlyList<(int Number, double Value, double Best)> Of(IEnumerable<(int Number, double Value)> trials, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var result = new List<(int, double, double)>();
        var best = double.NaN;
        foreach (var (number, value) in trials.OrderBy(t => t.Number))
        {
            if (double.IsFinite(value) && (double.IsNaN(best) || (maximize ? value > best : value < best)))
            {
                best = value;
            }

            result.Add((number, value, best));
        }

        return result;
    }
}
