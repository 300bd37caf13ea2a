using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Watching;

/// <summary>What a watcher knows of a study so far: its latest snapshot and every trial's latest state.</summary>
internal sealed class StudyWatchState(string studyId)
{
    private readonly Dictionary<string, Trial> _trials = new(StringComparer.Ordinal);

    public string StudyId { get; } = studyId;

    /// <summary>Held while the state changes and while a display reads it (they run on different threads).</summary>
    public Lock Gate { get; } = new();

    /// <summary>The latest study event; null until the first arrives.</summary>
    public Study? Study { get; private set; }

    /// <summary>Every trial seen, by number.</summary>
    public IReadOnlyList<Trial> Trials => [.. _trials.Values.OrderBy(t => t.Number).ThenBy(t => t.TrialId, StringComparer.Ordinal)];

    /// <summary>Trials in a finished state.</summary>
    public int FinishedTrials => _trials.Values.Count(t => TrialStates.IsFinished(t.State));

    /// <summary>True once the study reached a state it never leaves.</summary>
    public bool IsFinished => Study is not null && StudyStates.IsFinished(Study.State);

    /// <summary>Records a study event; returns the study it replaces.</summary>
    public Study? Apply(Study study)
    {
        var previous = Study;
        Study = study;
        return previous;
    }

    /// <summary>Records a trial event; returns the trial it replaces.</summary>
    public Trial? Apply(Trial trial)
    {
        _trials.TryGetValue(trial.TrialId, out var previous);
        _trials[trial.TrialId] = trial;
        return previous;
    }

    /// <summary>Folds an epoch report into its trial; returns the trial as now known, or null for an unknown trial.</summary>
    public Trial? Apply(EpochEvent report)
    {
        if (!_trials.TryGetValue(report.TrialId, out var trial))
        {
            return null;
        }

        var updated = trial with
        {
            Epoch = Math.Max(trial.Epoch, report.Epoch.Epoch),
            Metrics = report.Epoch.Metrics,
            LearningRate = report.Epoch.LearningRate,
            Silo = report.Silo ?? trial.Silo,
        };
        _trials[trial.TrialId] = updated;
        return updated;
    }
}
