using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>What a chart's hover tooltip says of a trial: its number and state, and its most important hyperparameters.</summary>
public static class TrialTip
{
    /// <summary>How many hyperparameters a tooltip names.</summary>
    public const int KeyParameters = 4;

    /// <summary>
    /// For example <c>#12 Completed · learning_rate=0.001 · optimizer=adam</c>: the hyperparameters that vary, most
    /// important first (<paramref name="results"/>), at most <see cref="KeyParameters"/>.
    /// </summary>
    public static string Of(TrialSeries trial, StudyResults results)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(results);
        var text = $"#{trial.Number} {trial.State}";
        if (trial.Snapshot is not { } snapshot)
        {
            return text;
        }

        IEnumerable<string> names = results.ParameterAxes.Count > 0
            ? results.ParameterAxes.Select(a => a.Name)
            : snapshot.Config.Keys;
        foreach (var name in names.Where(snapshot.Config.ContainsKey).Take(KeyParameters))
        {
            text += $" · {name}={Format.Value(snapshot.Config[name])}";
        }

        return text;
    }
}
