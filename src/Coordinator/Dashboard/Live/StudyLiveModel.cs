using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// A study as the live pages hold it, built from its history and events in any order and any number of times. Not
/// thread-safe: pages change and read it on their renderer's dispatcher only.
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

    /// <summary>Its trials by number.</summary>
    public IReadOnlyList<TrialSeries> Trials => _ordered ??= [.. _trials.Values.OrderBy(t => t.Number)];

    /// <summary>The trial with this id, or null.</summary>
    public TrialSeries? Find(string trialId) => _trials.GetValueOrDefault(trialId);

    /// <summary>Takes one change: a study, trial, epoch report or history; true when something changed.</summary>
    public bool Apply(object change)
    {
        var changed = change switch
        {
            StudySnapshot study => ApplyStudy(study),
            TrialSnapshot trial => Trial(trial.TrialId).Apply(trial),
            TrialEpochReport report => Trial(report.TrialId).Apply(report.Epoch, report.LearningRateChanges),
            StudyHistory history => history.Trials.Aggregate(false, (any, trial) => Trial(trial.TrialId).Apply(trial) | any),
            TrialHistory trial => Trial(trial.TrialId).Apply(trial),
            _ => false,
        };
        if (changed)
        {
            Version++;
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
        return true;
    }

    private TrialSeries Trial(string trialId)
    {
        if (!_trials.TryGetValue(trialId, out var trial))
        {
            _trials[trialId] = trial = new TrialSeries(trialId);
            _ordered = null;
        }

        return trial;
    }
}
