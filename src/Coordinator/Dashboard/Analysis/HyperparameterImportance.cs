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
    /// <remarks>Linear in the trials but for one sort per numeric hyperparameter: groups are kept as counts and sums.</remarks>
    public static IReadOnlyList<(string Name, double Importance)> Compute(IReadOnlyList<(TrialConfig Config, double Objective)> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var scored = trials.Where(t => double.IsFinite(t.Objective)).ToList();
        if (scored.Count < MinimumTrials)
        {
            return [];
        }

        var mean = scored.Average(t => t.Objective);
        var total = 0.0;
        foreach (var (_, objective) in scored)
        {
            total += (objective - mean) * (objective - mean);
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (config, _) in scored)
        {
            names.UnionWith(config.Keys);
        }

        var result = new List<(string, double)>();
        foreach (var name in names)
        {
            var groups = Group(scored, name);
            if (groups.Count < 2)
            {
                continue; // a fixed value explains nothing
            }

            var between = 0.0;
            foreach (var (count, sum) in groups)
            {
                between += count * Math.Pow(sum / count - mean, 2);
            }

            var freedom = scored.Count - groups.Count;
            var withinMean = freedom > 0 ? (total - between) / freedom : double.PositiveInfinity;
            var epsilon = total > 0 && freedom > 0 ? (between - (groups.Count - 1) * withinMean) / total : 0;
            result.Add((name, Math.Clamp(epsilon, 0, 1)));
        }

        return [.. result.OrderByDescending(r => r.Item2)];
    }

    /// <summary>The groups of <paramref name="name"/>'s values, each as its trial count and objective sum.</summary>
    private static List<(int Count, double Sum)> Group(List<(TrialConfig Config, double Objective)> trials, string name)
    {
        var numbers = new List<double>(trials.Count);
        var numberObjectives = new List<double>(trials.Count);
        var others = new Dictionary<string, (int Count, double Sum)>(StringComparer.Ordinal);
        foreach (var (config, objective) in trials)
        {
            if (config.TryGetValue(name, out var value) && value.IsNumber)
            {
                numbers.Add(value.AsDouble());
                numberObjectives.Add(objective);
            }
            else
            {
                var key = config.TryGetValue(name, out var other) ? other.ToString() : "(absent)";
                var (count, sum) = others.GetValueOrDefault(key);
                others[key] = (count + 1, sum + objective);
            }
        }

        var groups = new List<(int Count, double Sum)>(others.Values);
        if (numbers.Count == 0)
        {
            return groups;
        }

        var values = numbers.ToArray();
        var objectives = numberObjectives.ToArray();
        Array.Sort(values, objectives);
        var distinct = 1;
        for (var i = 1; i < values.Length; i++)
        {
            distinct += values[i] != values[i - 1] ? 1 : 0;
        }

        var bins = Math.Clamp(values.Length / 3, 2, Bins);
        if (distinct <= bins)
        {
            var start = 0;
            for (var i = 1; i <= values.Length; i++)
            {
                if (i == values.Length || values[i] != values[start])
                {
                    groups.Add((i - start, Sum(objectives, start, i)));
                    start = i;
                }
            }
        }
        else
        {
            for (var b = 0; b < bins; b++)
            {
                var (start, end) = (b * values.Length / bins, (b + 1) * values.Length / bins);
                if (end > start)
                {
                    groups.Add((end - start, Sum(objectives, start, end)));
                }
            }
        }

        return groups;
    }

    private static double Sum(double[] values, int start, int end)
    {
        var sum = 0.0;
        for (var i = start; i < end; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
