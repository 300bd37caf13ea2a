using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// A study as the live pages hold it, built from its events, trial summaries and histories in any order and any number of
/// times. Every trial has its status, latest epoch and best objective value; only the trials whose curves are held
/// (<see cref="HoldAll"/>, or <see cref="Hold"/>) keep their epochs, so a page of a 10,000-trial study holds a few
/// curves, not all. Not thread-safe: pages change and read it on their renderer's dispatcher only.
/// </summary>
public sealed class StudyLiveModel(string studyId)
{
    private readonly Dictionary<string, TrialSeries> _trials = new(StringComparer.Ordinal);
    private List<TrialSeries>? _ordered;

    /// <summary>The study.</summary>
    public string StudyId { get; } = studyId;

    /// <summary>Its newest snapshot; null until the first.</summary>
    public StudySnapshot? Study { get; private set; }

    /// <summary>Grows with every change.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Grows whenever what the analysis panels read changed: a trial's objective value, state or config, or the set of
    /// trials (an epoch that is not a trial's best leaves it).
    /// </summary>
    public int ResultsVersion { get; private set; }

    /// <summary>True once every trial's summary was read (<see cref="IStudyLiveSource.GetTrialsAsync"/>).</summary>
    public bool SummariesLoaded { get; private set; }

    /// <summary>True to hold every trial's curve, those not yet seen included.</summary>
    public bool HoldAll { get; private set; }

    /// <summary>Its trials by number.</summary>
    public IReadOnlyList<TrialSeries> Trials => _ordered ??= [.. _trials.Values.OrderBy(t => t.Number).ThenBy(t => t.TrialId, StringComparer.Ordinal)];

    /// <summary>The trial with this id, or null.</summary>
    public TrialSeries? Find(string trialId) => _trials.GetValueOrDefault(trialId);

    /// <summary>Holds every trial's curve from now on (<paramref name="all"/>), or stops doing so (the held ones stay held).</summary>
    public void HoldAllCurves(bool all)
    {
        HoldAll = all;
        if (all)
        {
            foreach (var trial in _trials.Values)
            {
                Version += trial.Hold(true) ? 1 : 0;
            }
        }
    }

    /// <summary>
    /// Holds the curves of <paramref name="trialIds"/> (a trial not seen yet is added); returns those whose history is
    /// still to be read.
    /// </summary>
    public IReadOnlyList<string> Hold(IEnumerable<string> trialIds)
    {
        var missing = new List<string>();
        foreach (var id in trialIds)
        {
            var trial = Trial(id);
            if (trial.Hold(true))
            {
                Version++;
            }

            if (!trial.CurveLoaded)
            {
                missing.Add(id);
            }
        }

        return missing;
    }

    /// <summary>Forgets the curves of every held trial but <paramref name="keep"/> (no effect while <see cref="HoldAll"/>).</summary>
    public int Release(IReadOnlySet<string> keep)
    {
        if (HoldAll)
        {
            return 0;
        }

        var released = 0;
        foreach (var trial in _trials.Values)
        {
            if (trial.HoldsCurve && !keep.Contains(trial.TrialId) && trial.Hold(false))
            {
                released++;
            }
        }

        Version += released;
        return released;
    }

    /// <summary>
    /// Takes one change: a study, trial, epoch report, trial summaries, a trial's or a study's history; true when
    /// something changed.
    /// </summary>
    public bool Apply(object change)
    {
        var (objective, maximize) = (Study?.ObjectiveMetric, Study?.Maximize ?? false);
        var changed = change switch
        {
            StudySnapshot study => ApplyStudy(study),
            TrialSnapshot trial => Results(Trial(trial.TrialId).Apply(trial)),
            TrialEpochReport report => ApplyReport(report, objective, maximize),
            IReadOnlyList<TrialSummary> summaries => ApplySummaries(summaries, maximize),
            StudyHistory history => history.Trials.Aggregate(false, (any, trial) => ApplyHistory(trial, objective, maximize) | any),
            TrialHistory trial => ApplyHistory(trial, objective, maximize),
            _ => false,
        };
        if (changed)
        {
            Version++;
        }

        return changed;
    }

    private bool Results(bool changed)
    {
        if (changed)
        {
            ResultsVersion++;
        }

        return changed;
    }

    private bool ApplyStudy(StudySnapshot study)
    {
        if (Study is { } current && current.Version > study.Version)
        {
            return false;
        }

        Study = study;
        ResultsVersion++;
        return true;
    }

    private bool ApplyReport(TrialEpochReport report, string? objective, bool maximize)
    {
        var trial = Trial(report.TrialId);
        var before = trial.Objective;
        var changed = trial.Apply(report.Epoch, report.LearningRateChanges, objective, maximize);
        if (!before.Equals(trial.Objective))
        {
            ResultsVersion++;
        }

        return changed;
    }

    private bool ApplyHistory(TrialHistory history, string? objective, bool maximize)
    {
        var trial = Trial(history.TrialId);
        var before = trial.Objective;
        var changed = trial.Apply(history, objective, maximize);
        if (!before.Equals(trial.Objective))
        {
            ResultsVersion++;
        }

        return changed;
    }

    private bool ApplySummaries(IReadOnlyList<TrialSummary> summaries, bool maximize)
    {
        var changed = !SummariesLoaded;
        SummariesLoaded = true;
        foreach (var summary in summaries)
        {
            changed |= Trial(summary.Snapshot.TrialId).Apply(summary, maximize);
        }

        return Results(changed);
    }

    private TrialSeries Trial(string trialId)
    {
        if (!_trials.TryGetValue(trialId, out var trial))
        {
            _trials[trialId] = trial = new TrialSeries(trialId);
            trial.Hold(HoldAll);
            _ordered = null;
            ResultsVersion++;
        }

        return trial;
    }
}
