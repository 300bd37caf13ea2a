using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Specs;

namespace HyperTune.Grains.Studies.Ledger;

/// <summary>
/// The study's book of trials: each trial's latest snapshot and what the study tracks for it, the counts per state,
/// the best trial so far, and which trials changed since they were last written. It applies what trials report and
/// never calls anything: every operation is O(1) or O(log n) in the number of trials, except paging (see
/// <see cref="TrialPager"/>).
/// </summary>
public sealed class StudyLedger
{
    private readonly Dictionary<string, LedgerTrial> _byId = new(StringComparer.Ordinal);
    private readonly List<LedgerTrial> _byNumber = [];
    private readonly SortedDictionary<int, LedgerTrial> _unfinished = [];
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _forks = new(StringComparer.Ordinal);
    private readonly ObjectiveSpec? _objective;

    /// <summary>Creates the ledger of a study with <paramref name="objective"/> (null before the spec is known).</summary>
    public StudyLedger(ObjectiveSpec? objective) => _objective = objective;

    /// <summary>The trials per state.</summary>
    public StudyCounts Counts { get; } = new();

    /// <summary>The best trial so far (at its best epoch), or null.</summary>
    public BestTrial? Best { get; private set; }

    /// <summary>Trials created so far.</summary>
    public int Count => _byNumber.Count;

    /// <summary>The number the next trial gets.</summary>
    public int NextNumber => _byNumber.Count == 0 ? 1 : _byNumber[^1].Number + 1;

    /// <summary>Every trial, by number.</summary>
    public IReadOnlyList<LedgerTrial> Trials => _byNumber;

    /// <summary>The unfinished trials (Pending, Running, Paused), by number.</summary>
    public IEnumerable<LedgerTrial> Unfinished => _unfinished.Values;

    /// <summary>How many trials are unfinished.</summary>
    public int UnfinishedCount => _unfinished.Count;

    /// <summary>The trial with <paramref name="trialId"/>, or null.</summary>
    public LedgerTrial? Find(string trialId) => _byId.GetValueOrDefault(trialId);

    /// <summary>
    /// Adds a new trial, Pending, holding a place on <paramref name="placement"/>. Numbers are unique; a trial may be added
    /// before one with a lower number (several starts are under way at once).
    /// </summary>
    public LedgerTrial Add(TrialSnapshot pending, SiloAddress placement)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (_byId.ContainsKey(pending.TrialId) || pending.Number < 1)
        {
            throw new InvalidOperationException($"Trial {pending.TrialId} (number {pending.Number}) cannot be added: the study has it already.");
        }

        var trial = new LedgerTrial(pending) { Placement = placement };
        var at = _byNumber.Count;
        while (at > 0 && _byNumber[at - 1].Number > pending.Number)
        {
            at--;
        }

        if (at > 0 && _byNumber[at - 1].Number == pending.Number)
        {
            throw new InvalidOperationException($"Trial number {pending.Number} is taken.");
        }

        _byId.Add(trial.TrialId, trial);
        _byNumber.Insert(at, trial);
        IndexFork(trial);
        Counts.Move(null, pending.State);
        Track(trial);
        return trial;
    }

    /// <summary>
    /// Records an epoch of a trial: its snapshot moves on when the epoch is newer. True when the best trial changed.
    /// Null when the ledger does not know the trial.
    /// </summary>
    public bool? ApplyEpoch(TrialEpochReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_byId.TryGetValue(report.TrialId, out var trial))
        {
            return null;
        }

        var epoch = report.Epoch;
        if (epoch.Epoch > trial.Snapshot.Epoch)
        {
            Replace(trial, trial.Snapshot with { Epoch = epoch.Epoch, Metrics = epoch.Metrics, LearningRate = epoch.LearningRate, Silo = report.Silo });
        }

        if (_objective is not null && epoch.Metrics.TryGetValue(_objective.Metric, out var value) && double.IsFinite(value)
            && (Best is null || _objective.IsBetter(value, Best.Value)))
        {
            Best = new BestTrial(report.TrialId, epoch.Epoch, value, trial.Snapshot.Config);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Takes a trial's own report of a change (it got its slot, was paused or resumed); null when it says nothing new:
    /// the trial is unknown or finished, or the report is from before the trial's run got its slot (on a first start or
    /// after a recovery: within one attempt, a trial never goes back from Running to Pending) and arrives after one from
    /// after. Epochs the study already heard of are kept when the report lags behind them.
    /// </summary>
    public TrialSnapshot? ApplyChanged(TrialSnapshot reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        if (!_byId.TryGetValue(reported.TrialId, out var trial) || trial.IsFinished
            || (trial.Snapshot.StartedAt is not null && reported.StartedAt is null && reported.Attempt == trial.Snapshot.Attempt)
            || (reported.State == TrialState.Pending && trial.Snapshot.State == TrialState.Running && reported.Attempt == trial.Snapshot.Attempt)
            || reported.Attempt < trial.Snapshot.Attempt)
        {
            return null;
        }

        var known = trial.Snapshot;
        var next = reported.Attempt > known.Attempt || reported.Epoch >= known.Epoch
            ? reported
            : reported with { Epoch = known.Epoch, Metrics = known.Metrics, LearningRate = known.LearningRate };
        if (reported.State.IsFinished())
        {
            // Ends come through Finish, which also tells the searcher and the scheduler.
            next = next with { State = known.State };
        }

        Replace(trial, next);
        return next;
    }

    /// <summary>A trial went back to a checkpoint: its snapshot is the trial's. Null when unknown or finished.</summary>
    public TrialSnapshot? ApplyRewound(TrialSnapshot reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        if (!_byId.TryGetValue(reported.TrialId, out var trial) || trial.IsFinished || reported.State.IsFinished())
        {
            return null;
        }

        Replace(trial, reported);
        return reported;
    }

    /// <summary>Records a trial's end as it reported it, and lets go of its place.</summary>
    public TrialSnapshot Finish(LedgerTrial trial, TrialEnded ended)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(ended);
        var known = trial.Snapshot;
        var finished = known with
        {
            State = ended.State,
            Reason = ended.Reason,
            Epoch = Math.Max(known.Epoch, ended.EpochsCompleted),
            Metrics = ended.FinalMetrics.IsEmpty ? known.Metrics : ended.FinalMetrics,
            StartedAt = ended.StartedAt ?? known.StartedAt,
            EndedAt = ended.EndedAt,
            TrainingSeconds = ended.TrainingSeconds,
            LastCheckpointEpoch = ended.LastCheckpointEpoch,
            Silo = string.IsNullOrEmpty(ended.Silo) ? known.Silo : ended.Silo,
        };
        trial.Placement = null;
        trial.Lost = null;
        Replace(trial, finished);
        return finished;
    }

    /// <summary>Ends a trial as Failed with <paramref name="reason"/> (the study gave up on it or it could not start).</summary>
    public TrialSnapshot Fail(LedgerTrial trial, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var failed = trial.Snapshot with { State = TrialState.Failed, Reason = reason, EndedAt = at };
        trial.Placement = null;
        trial.Lost = null;
        Replace(trial, failed);
        return failed;
    }

    /// <summary>Replaces a trial's snapshot (counts, the unfinished set and the dirty set follow).</summary>
    public void Replace(LedgerTrial trial, TrialSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(snapshot);
        var before = trial.Snapshot.State;
        trial.Snapshot = snapshot;
        if (before != snapshot.State)
        {
            Counts.Move(before, snapshot.State);
        }

        Track(trial);
    }

    /// <summary>Changes what the study tracks for a trial (its place, retries, crashes, lost reason); null leaves a field.</summary>
    public void Update(LedgerTrial trial, Action<LedgerTrial> change)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(change);
        change(trial);
        _dirty.Add(trial.TrialId);
    }

    /// <summary>Marks a trial to be written (its searcher or scheduler part changed).</summary>
    public void MarkDirty(string trialId)
    {
        if (_byId.ContainsKey(trialId))
        {
            _dirty.Add(trialId);
        }
    }

    /// <summary>The trials changed since the last call, each once.</summary>
    public IReadOnlyCollection<LedgerTrial> TakeDirty()
    {
        if (_dirty.Count == 0)
        {
            return [];
        }

        var dirty = _dirty.Select(id => _byId[id]).OrderBy(t => t.Number).ToArray();
        _dirty.Clear();
        return dirty;
    }

    /// <summary>True when some trial changed since the last <see cref="TakeDirty"/>.</summary>
    public bool HasChanges => _dirty.Count > 0;

    /// <summary>A page of trials.</summary>
    public TrialPage Page(TrialPageQuery query) => TrialPager.Page(_byNumber, Counts, query, _objective);

    /// <summary>Every trial's snapshot, by number.</summary>
    public ImmutableArray<TrialSnapshot> Snapshots() => [.. _byNumber.Select(t => t.Snapshot)];

    /// <summary>Puts back trials read from storage (any order) and the best trial; nothing is dirty afterwards.</summary>
    public void Restore(IEnumerable<LedgerTrial> trials, BestTrial? best)
    {
        ArgumentNullException.ThrowIfNull(trials);
        foreach (var trial in trials.OrderBy(t => t.Number))
        {
            if (!_byId.TryAdd(trial.TrialId, trial))
            {
                continue;
            }

            _byNumber.Add(trial);
            IndexFork(trial);
            Counts.Move(null, trial.Snapshot.State);
            if (!trial.IsFinished)
            {
                _unfinished[trial.Number] = trial;
            }
        }

        Best = best;
    }

    /// <summary>The trials forked from <paramref name="trialId"/>, by number.</summary>
    public IReadOnlyList<string> ForksOf(string trialId) => _forks.TryGetValue(trialId, out var forks) ? forks : [];

    /// <summary>A trial as the store holds it, to put back with <see cref="Restore"/>.</summary>
    public static LedgerTrial Stored(TrialSnapshot snapshot, SiloAddress? placement, int retries, int siloCrashes, string? lost, int moves = 0) =>
        new(snapshot) { Placement = placement, Retries = retries, SiloCrashes = siloCrashes, Lost = lost, Moves = moves };

    private void IndexFork(LedgerTrial trial)
    {
        if (trial.Snapshot.ForkedFrom is not { } origin)
        {
            return;
        }

        if (!_forks.TryGetValue(origin.SourceTrialId, out var forks))
        {
            _forks[origin.SourceTrialId] = forks = [];
        }

        var at = forks.Count;
        while (at > 0 && _byId[forks[at - 1]].Number > trial.Number)
        {
            at--;
        }

        forks.Insert(at, trial.TrialId);
    }

    private void Track(LedgerTrial trial)
    {
        if (trial.IsFinished)
        {
            _unfinished.Remove(trial.Number);
        }
        else
        {
            _unfinished[trial.Number] = trial;
        }

        _dirty.Add(trial.TrialId);
    }
}
