using HyperTune.Cli.Api.Models;
using HyperTune.Cli.Watching;

namespace HyperTune.Cli.Output;

/// <summary>The text lines of a watched study, shared by the plain and the live display.</summary>
internal static class WatchLines
{
    public static string StudyStarted(Study study) =>
        $"study {study.StudyId} ({study.Name}): {study.State}{Formats.Reason(study.Reason)}, objective {study.ObjectiveMetric} " +
        $"({(study.Maximize ? "maximize" : "minimize")}), {study.TrialsStarted}/{study.MaxTrials} trials started";

    public static string StudyState(Study study) => $"study {study.StudyId}: {study.State}{Formats.Reason(study.Reason)}";

    public static string TrialState(StudyWatchState state, Trial trial)
    {
        var line = $"trial {trial.TrialId}: {trial.State}";
        if (!string.IsNullOrEmpty(trial.Silo) && !TrialStates.IsFinished(trial.State))
        {
            line += $" on {trial.Silo}";
        }

        line += Formats.Reason(trial.Reason);
        return TrialStates.IsFinished(trial.State) ? $"{line} [{Budget(state)}]" : line;
    }

    public static string Epoch(StudyWatchState state, EpochEvent report)
    {
        var objective = state.Study?.ObjectiveMetric;
        var metrics = objective is not null && report.Epoch.Metrics.ContainsKey(objective)
            ? $"{objective}={Formats.Number(report.Epoch.Metrics[objective])}"
            : Formats.Metrics(report.Epoch.Metrics);
        var maxEpochs = state.Trials.FirstOrDefault(t => t.TrialId == report.TrialId)?.MaxEpochs ?? 0;
        var epoch = maxEpochs > 0 ? $"{report.Epoch.Epoch}/{maxEpochs}" : $"{report.Epoch.Epoch}";
        var line = $"trial {report.TrialId} epoch {epoch}: {metrics} lr={Formats.Number(report.Epoch.LearningRate)}";
        if (!string.IsNullOrEmpty(report.Silo))
        {
            line += $" silo={report.Silo}";
        }

        foreach (var change in report.LearningRateChanges)
        {
            line += $"; lr {Formats.Number(change.OldLearningRate)} -> {Formats.Number(change.NewLearningRate)} " +
                $"({change.Source}{(change.Command is null ? "" : " " + change.Command)})";
        }

        return line;
    }

    public static string Reconnecting(StudyWatchState state) =>
        $"event stream of study {state.StudyId} dropped; reconnecting";

    /// <summary>The closing summary: state and budget, then the best trial.</summary>
    public static IReadOnlyList<string> Summary(StudyWatchState state)
    {
        var study = state.Study;
        if (study is null)
        {
            return [$"study {state.StudyId} finished"];
        }

        var counts = study.TrialCounts.Count > 0
            ? study.TrialCounts
            : state.Trials.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count());
        return
        [
            $"study {study.StudyId} {study.State}{Formats.Reason(study.Reason)}: {Budget(state)} ({Formats.Counts(counts)})",
            study.Best is { } best
                ? $"best: trial {best.TrialId} {study.ObjectiveMetric}={Formats.Number(best.Value)} at epoch {best.Epoch}"
                : "best: none (no trial reported)",
        ];
    }

    /// <summary>Finished trials of the budget, e.g. <c>5/20 trials finished</c>.</summary>
    public static string Budget(StudyWatchState state) => $"{Finished(state)}/{state.Study?.MaxTrials ?? 0} trials finished";

    /// <summary>Finished trials, from the trials seen or the study's counts, whichever knows more.</summary>
    public static int Finished(StudyWatchState state)
    {
        var counted = state.Study?.TrialCounts.Where(p => TrialStates.IsFinished(p.Key)).Sum(p => p.Value) ?? 0;
        return Math.Max(counted, state.FinishedTrials);
    }
}
