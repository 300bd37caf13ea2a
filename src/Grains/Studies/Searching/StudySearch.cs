using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Searchers;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Grains.Studies.Searching;

/// <summary>
/// A study's searcher (what to try next) and trial scheduler (whether running trials go on), created from its spec,
/// with their state kept in two parts: a small shared part (in the study's header) and a part per trial (in that
/// trial's row), so a change writes only what it touched.
/// </summary>
public sealed class StudySearch
{
    private readonly ISearcher _searcher;
    private readonly ITrialScheduler _scheduler;

    private StudySearch(ISearcher searcher, ITrialScheduler scheduler)
    {
        _searcher = searcher;
        _scheduler = scheduler;
    }

    /// <summary>Creates the searcher and scheduler of <paramref name="spec"/>.</summary>
    /// <exception cref="StudySpecException">The spec is invalid for its searcher or scheduler.</exception>
    public static StudySearch Create(StudySpec spec, TimeProvider time) =>
        new(SearcherFactory.Create(spec), SchedulerFactory.Create(spec, time));

    /// <summary>The most epochs a trial trains under the scheduler (ASHA's <c>max_t</c>); null: the budget decides.</summary>
    public int? MaxEpochs => _scheduler.MaxEpochs;

    /// <summary>A config for the new trial, wait, or finished.</summary>
    public SuggestResult Suggest(string trialId) => _searcher.Suggest(trialId);

    /// <summary>The scheduler hears of a new trial (before its first report can arrive).</summary>
    public void OnTrialAdded(string trialId, TrialConfig config) => _scheduler.OnTrialAdded(trialId, config);

    /// <summary>The searcher hears of an intermediate result.</summary>
    public void OnSearcherResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics) =>
        _searcher.OnTrialResult(trialId, epoch, metrics);

    /// <summary>The scheduler hears of an intermediate result and decides what the trial does next.</summary>
    public SchedulerDecision OnSchedulerResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics) =>
        _scheduler.OnTrialResult(trialId, epoch, metrics);

    /// <summary>The scheduler hears that a checkpoint of the trial is stored.</summary>
    public void OnCheckpoint(string trialId, int epoch) => _scheduler.OnCheckpoint(trialId, epoch);

    /// <summary>Both hear that a trial ended (with its final metrics, or failed).</summary>
    public void OnTrialComplete(string trialId, IReadOnlyDictionary<string, double>? finalMetrics, bool failed)
    {
        _scheduler.OnTrialComplete(trialId, failed);
        _searcher.OnTrialComplete(trialId, finalMetrics, failed);
    }

    /// <summary>The searcher's shared part.</summary>
    public byte[] SaveSearcherShared() => _searcher.SaveState();

    /// <summary>The scheduler's shared part.</summary>
    public byte[] SaveSchedulerShared() => _scheduler.SaveState();

    /// <summary>One trial's parts (null where the algorithm never heard of it).</summary>
    public (byte[]? Searcher, byte[]? Scheduler) SaveTrial(string trialId) => (null, null);

    /// <summary>The trials whose parts changed since the last call.</summary>
    public IEnumerable<string> TakeChangedTrials() => [];

    /// <summary>Puts back the state saved in parts.</summary>
    /// <exception cref="InvalidOperationException">A part is of another spec or malformed.</exception>
    public void Restore(byte[]? searcherShared, byte[]? schedulerShared, IReadOnlyList<(string TrialId, byte[]? Searcher, byte[]? Scheduler)> trials)
    {
        _ = trials;
        RestoreWhole(searcherShared, schedulerShared);
    }

    /// <summary>Puts back a whole saved state of the searcher and scheduler (a study stored before the state was split).</summary>
    public void RestoreWhole(byte[]? searcher, byte[]? scheduler)
    {
        if (searcher is not null)
        {
            _searcher.RestoreState(searcher);
        }

        if (scheduler is not null)
        {
            _scheduler.RestoreState(scheduler);
        }
    }
}
