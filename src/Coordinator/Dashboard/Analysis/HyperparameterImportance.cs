using HyperTune.Search.Values;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>
/// How much each hyperparameter explains the objective, by a simple functional-ANOVA estimate: the trials are grouped
/// by the hyperparameter's value — each category its own group, numbers cut into up to <see cref="Bins"/> groups of equal
/// count (quantile bins, so a log-uniform rate is binned by order of magnitude just as well; at least 3 trials a group)
/// — and the importance is the share of the objective's variance that lies between the groups' means, corrected for
/// the number of groups: ε² = (SS_between − (k − 1)·MS_within) / SS_total, clamped at 0 (η² would credit a parameter
/// that merely splits few trials into many groups). Trials without the hyperparameter (a conditional one) form a group
/// of their own. Each parameter is judged alone, so interactions are not credited; with few trials, treat the numbers
/// as a hint.
/// </summary>
public static class HyperparameterImportance
{
    /// <summary>The most groups a numeric hyperparameter is cut into.</summary>
    public const int Bins = 4;

    /// <summary>The fewest trials with an objective value before importance is computed.</summary>
    public const int MinimumTrials = 4;

    /// <summary>Each hyperparameter's ε², largest first; empty with fewer than <see cref="MinimumTrials"/> trials.</summary>
    public static IReadOnlyList<(string Name, double Importance)> Compute(IReadOnlyList<(TrialConfig Config, double Objective)> trials)
    {
        var scored = trials.Where(t => double.IsFinite(t.Objective)).ToList();
        if (scored.Count < MinimumTrials)
        {
            return [];
        }

        var mean = scored.Average(t => t.Objective);
        var total = scored.Sum(t => (t.Objective - mean) * (t.Objective - mean));
        var names = scored.SelectMany(t => t.Config.Keys).Distinct().Order(StringComparer.Ordinal);
        var result = new List<(string, double)>();
        foreach (var name in names)
        {
            var groups = Group(scored, name);
            if (groups.Count < 2)
            {
                continue; // a fixed value explains nothing
            }

            var between = groups.Sum(g => g.Count * Math.Pow(g.Average() - mean, 2));
            var freedom = scored.Count - groups.Count;
            var withinMean = freedom > 0 ? (total - between) / freedom : double.PositiveInfinity;
            var epsilon = total > 0 && freedom > 0 ? (between - (groups.Count - 1) * withinMean) / total : 0;
            result.Add((name, Math.Clamp(epsilon, 0, 1)));
        }

        return [.. result.OrderByDescending(r => r.Item2)];
    }

    private static List<List<double>> Group(List<(TrialConfig Config, double Objective)> trials, string name)
    {
        var numeric = trials.Where(t => t.Config.TryGetValue(name, out var v) && v.IsNumber).ToList();
        var others = trials.Where(t => !t.Config.TryGetValue(name, out var v) || !v.IsNumber)
            .GroupBy(t => t.Config.TryGetValue(name, out var v) ? v.ToString() : "(absent)")
            .Select(g => g.Select(t => t.Objective).ToList());
        var groups = new List<List<double>>(others);
        var distinct = numeric.Select(t => t.Config[name].AsDouble()).Distinct().Count();
        var bins = Math.Clamp(numeric.Count / 3, 2, Bins);
        if (distinct <= bins)
        {
            groups.AddRange(numeric.GroupBy(t => t.Config[name].AsDouble()).Select(g => g.Select(t => t.Objective).ToList()));
        }
        else
        {
            var sorted = numeric.OrderBy(t => t.Config[name].AsDouble()).ToList();
            for (var b = 0; b < bins; b++)
            {
                var start = b * sorted.Count / bins;
                var end = (b + 1) * sorted.Count / bins;
                if (end > start)
                {
                    groups.Add([.. sorted.Skip(start).Take(end - start).Select(t => t.Objective)]);
                }
            }
        }

        return groups.Where(g => g.Count > 0).ToList();
    }
}
