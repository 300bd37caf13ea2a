using System.Collections.Immutable;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Decisions;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Studies.Launching;
using HyperTune.Grains.Studies.Ledger;
using HyperTune.Grains.Studies.Persistence;
using HyperTune.Grains.Studies.RangeTesting;
using HyperTune.Grains.Studies.Recovery;
using HyperTune.Grains.Studies.Searching;
using HyperTune.Search.Specs;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Studies.Control;

/// <summary>
/// The core of one study, without Orleans: it takes each event — a command, a trial's report, a timer, the answer to
/// an effect — applies it to the study's state at once (nothing here awaits, so events never interleave half-way),
/// and leaves behind the effects the grain must carry out (<see cref="TakeEffects"/>) and the rows it must write
/// (<see cref="TakeWrite"/>). Its parts each have one job: the <see cref="StudyLedger"/> keeps the trials, the
/// <see cref="TrialLauncher"/> starts them, the <see cref="TrialWatchdog"/> recovers lost ones, the
/// <see cref="DecisionApplier"/> carries out the scheduler's decisions and the <see cref="RangeTestStep"/> runs the
/// learning-rate range test first.
/// </summary>
public sealed class StudyController
{
    private readonly StudyContext _context;
    private readonly TrialLauncher _launcher;
    private readonly TrialWatchdog _watchdog;
    private readonly DecisionApplier _decisions;
    private readonly RangeTestStep _rangeTest;

    /// <summary>Creates the core of the study <paramref name="studyId"/>, empty until <see cref="Start"/> or <see cref="Restore"/>.</summary>
    public StudyController(string studyId, StudyOptions options, StudyRecoveryOptions recovery, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        _context = new StudyContext(studyId, options, recovery, time, logger);
        _launcher = new TrialLauncher(_context, this);
        _watchdog = new TrialWatchdog(_context, this);
        _decisions = new DecisionApplier(_context);
        _rangeTest = new RangeTestStep(_context, this);
    }

    /// <summary>The study id.</summary>
    public string StudyId => _context.StudyId;

    /// <summary>Where the study is in its life (<see cref="StudyState.None"/> before it started).</summary>
    public StudyState State => _context.Header.State;

    /// <summary>True while the spec's range test has not completed.</summary>
    public bool AwaitingRangeTest => _rangeTest.Awaiting;

    /// <summary>True while a lost trial waits for a place to restart in; new trials wait behind it.</summary>
    public bool HasLostTrials => _watchdog.HasLostTrials;

    /// <summary>When the wall-clock limit stops the study; null without one or once it ended.</summary>
    public DateTimeOffset? Deadline => _context.Spec?.Budget.WallClockLimit is { } limit && State is StudyState.Running or StudyState.Paused
        ? _context.Header.CreatedAt + limit
        : null;

    /// <summary>The best trial so far, or null.</summary>
    public BestTrial? Best => _context.Ledger.Best;

    /// <summary>The ids of every trial, by number.</summary>
    public IEnumerable<string> TrialIds => _context.Ledger.Trials.Select(t => t.TrialId);

    /// <summary>Every trial's latest snapshot, by number.</summary>
    public ImmutableArray<TrialSnapshot> Trials() => _context.Ledger.Snapshots();

    /// <summary>A page of trials.</summary>
    public TrialPage Page(TrialPageQuery query) => _context.Ledger.Page(query);

    /// <summary>The study's snapshot now, with a version above every earlier one (also across activations).</summary>
    public StudySnapshot Snapshot()
    {
        var header = _context.Header;
        var spec = _context.Spec;
        header.SnapshotVersion = Math.Max(header.SnapshotVersion + 1, _context.Now.UtcTicks);
        return new StudySnapshot(
            StudyId, spec?.Name ?? string.Empty, header.State, header.Reason, spec?.Objective.Metric ?? string.Empty,
            spec?.Objective.Direction == OptimizationDirection.Maximize, spec?.Budget.MaxTrials ?? 0, _context.Ledger.Count,
            _context.Ledger.Counts.ToDictionary(), _context.Ledger.Best, header.CreatedAt, header.EndedAt, header.SpecJson, header.SnapshotVersion);
    }

    /// <summary>The effects produced since the last call, in order.</summary>
    public IReadOnlyList<StudyEffect> TakeEffects() => _context.Effects.Take();

    /// <summary>
    /// What to write now: the header and the rows of the trials that changed since the last call; null when nothing
    /// changed. Serialize it before anything else happens to the study (the header is the live one).
    /// </summary>
    public StudyWriteSet? TakeWrite()
    {
        if (_context.Search is { } search)
        {
            foreach (var trialId in search.TakeChangedTrials())
            {
                _context.Ledger.MarkDirty(trialId);
            }
        }

        var dirty = _context.Ledger.TakeDirty();
        if (dirty.Count == 0 && !_context.HeaderDirty)
        {
            return null;
        }

        var header = _context.Header;
        header.Best = _context.Ledger.Best;
        header.SearcherState = _context.Search?.SaveSearcherShared();
        header.SchedulerState = _context.Search?.SaveSchedulerShared();
        _context.HeaderDirty = false;
        return new StudyWriteSet(header, [.. dirty.Select(Row)]);
    }

    /// <summary>A write that failed: its trials and the header are written with the next one.</summary>
    public void ReturnWrite(StudyWriteSet write)
    {
        ArgumentNullException.ThrowIfNull(write);
        foreach (var row in write.Trials)
        {
            _context.Ledger.MarkDirty(row.Snapshot.TrialId);
        }

        _context.HeaderDirty = true;
    }

    /// <summary>Puts back a study read from storage.</summary>
    /// <exception cref="InvalidOperationException">Its searcher's or scheduler's state is of another spec or malformed.</exception>
    public void Restore(StudyHeader header, IReadOnlyList<StudyTrialRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        _context.Header = header;
        if (header.SpecJson.Length == 0)
        {
            return;
        }

        var spec = StudySpecParser.ParseOrThrow(header.SpecJson);
        _context.Spec = spec;
        _context.Ledger = new StudyLedger(spec.Objective);
        _context.Ledger.Restore(rows.Select(r => StudyLedger.Stored(r.Snapshot, r.Placement, r.Retries, r.SiloCrashes, r.Lost, r.Moves)), header.Best);
        if (!AwaitingRangeTest)
        {
            BeginSearch();
            _context.Search!.Restore(header.SearcherState, header.SchedulerState, [.. rows.Select(r => (r.Snapshot.TrialId, r.SearcherState, r.SchedulerState))]);
        }
    }

    /// <summary>
    /// Puts back a study stored in the former single-blob format, and marks all of it to be written in the new one.
    /// </summary>
    public void RestoreLegacy(StudyGrainState legacy)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        var header = new StudyHeader
        {
            SpecJson = legacy.SpecJson,
            State = legacy.State,
            Reason = legacy.Reason,
            CreatedAt = legacy.CreatedAt,
            EndedAt = legacy.EndedAt,
            Best = legacy.Best,
            SearcherFinished = legacy.SearcherFinished,
            SnapshotVersion = legacy.SnapshotVersion,
            RangeTest = legacy.RangeTest,
            RangeTestAttempts = legacy.RangeTestAttempts,
        };
        var rows = legacy.Trials.Values.Select(t => new StudyTrialRow(
            t, legacy.Placements.GetValueOrDefault(t.TrialId), legacy.Retries.GetValueOrDefault(t.TrialId), 0,
            legacy.Lost.GetValueOrDefault(t.TrialId), null, null)).ToArray();
        Restore(header, rows);
        _context.Search?.RestoreWhole(legacy.SearcherState, legacy.SchedulerState);
        foreach (var trial in _context.Ledger.Trials)
        {
            _context.Ledger.MarkDirty(trial.TrialId);
        }

        _context.HeaderDirty = true;
    }

    /// <summary>Validates the spec and starts the study: it is written, registered, and its first trials follow.</summary>
    public StudyStartResult Start(string specJson)
    {
        if (State != StudyState.None)
        {
            return new StudyStartResult(null, [], $"Study {StudyId} already exists ({State}).");
        }

        var parsed = StudySpecParser.Parse(specJson ?? string.Empty);
        if (!parsed.IsValid)
        {
            return new StudyStartResult(null, [.. parsed.Errors.Select(e => new SpecProblem(e.Path, e.Message))], null);
        }

        var spec = parsed.Spec;
        _context.Spec = spec;
        _context.Ledger = new StudyLedger(spec.Objective);
        _context.Header = new StudyHeader
        {
            SpecJson = spec.ToJson(), State = StudyState.Running, CreatedAt = _context.Now, TraceParent = TrialActivities.StartStudy(StudyId, spec.Name),
        };
        _context.HeaderDirty = true;
        Log.StudyStarted(_context.Logger, StudyId, spec.Budget.MaxTrials, spec.Budget.MaxConcurrentTrials, spec.Searcher.Kind);
        _context.Effects.Add(PersistEffect.Now);
        _context.Effects.Add(RegisterStudyEffect.Instance);
        if (AwaitingRangeTest)
        {
            _rangeTest.Start();
        }
        else
        {
            BeginSearch();
            _context.Effects.Add(FillEffect.Now);
        }

        return new StudyStartResult(Snapshot(), [], null);
    }

    /// <summary>Pauses every unfinished trial (those waiting for a slot first) and starts no new ones.</summary>
    public CommandResult Pause()
    {
        if (Refusal(StudyState.Running, StudyState.Paused) is { } refused)
        {
            return refused;
        }

        ChangeState(StudyState.Paused, null);
        CommandUnfinished(PauseTrial.Instance);
        return CommandResult.Ok;
    }

    /// <summary>Resumes paused trials and starting new ones.</summary>
    public CommandResult Resume()
    {
        if (Refusal(StudyState.Running, StudyState.Paused) is { } refused)
        {
            return refused;
        }

        ChangeState(StudyState.Running, null);
        CommandUnfinished(ResumeTrial.Instance);
        _context.Effects.Add(FillEffect.Now);
        return CommandResult.Ok;
    }

    /// <summary>Stops every unfinished trial and starts no more; the study ends Stopped when the last one has ended.</summary>
    public CommandResult Stop(string? reason = null)
    {
        if (Refusal(StudyState.Running, StudyState.Paused, StudyState.Stopping) is { } refused)
        {
            return refused;
        }

        ChangeState(StudyState.Stopping, reason ?? "stopped on request");
        CommandUnfinished(new StopTrial(Pruned: false, "the study was stopped"));
        CheckCompletion();
        return CommandResult.Ok;
    }

    /// <summary>
    /// Forks a trial (see <see cref="ForkTrial"/>): checked against the source as the ledger knows it and its stored
    /// checkpoints (<paramref name="sourceCheckpoints"/>, which the grain asked the source for), then launched as the
    /// study's next trial. Only in a running study.
    /// </summary>
    public TrialForkResult Fork(TrialForkRequest request, IReadOnlyCollection<int> sourceCheckpoints)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State == StudyState.None)
        {
            return TrialForkResult.Refused(CommandResult.NotFound($"Study {StudyId} does not exist."));
        }

        if (_context.Ledger.Find(request.SourceTrialId) is not { } source)
        {
            return TrialForkResult.Refused(CommandResult.NotFound($"Study {StudyId} has no trial '{request.SourceTrialId}'."));
        }

        if (State != StudyState.Running || AwaitingRangeTest)
        {
            return TrialForkResult.Refused(CommandResult.InvalidState($"Study {StudyId} is {State}; a fork starts only in a running study."));
        }

        if (ForkTrial.Check(source.Snapshot, request, sourceCheckpoints, out var fork) is { } refused)
        {
            return refused;
        }

        var epochs = _launcher.RequestFor(source.Number, fork!.Config).MaxEpochs;
        if (fork.SourceEpoch >= epochs)
        {
            var field = request.Overrides.ContainsKey(Search.Hyperparameters.HyperparameterNames.Epochs) ? "$.epochs" : "$.epoch";
            return TrialForkResult.Refused(CommandResult.InvalidArgument(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The checkpoint of {source.TrialId} at epoch {fork.SourceEpoch} leaves nothing to train: the fork would train {epochs} epochs (raise epochs, or fork an earlier checkpoint).")), field);
        }

        var result = _launcher.Fork(fork);
        if (result.Result.Accepted)
        {
            Log.TrialForked(_context.Logger, StudyId, result.TrialId!, source.TrialId, fork.SourceEpoch);
            _context.Effects.Add(NotifyStudyEffect.Instance);
        }

        return result;
    }

    /// <summary>True when the study has a trial <paramref name="trialId"/>.</summary>
    public bool HasTrial(string trialId) => _context.Ledger.Find(trialId) is not null;

    /// <summary>The trials forked from <paramref name="trialId"/>, by number.</summary>
    public ImmutableArray<string> ForksOf(string trialId) => [.. _context.Ledger.ForksOf(trialId)];

    /// <summary>The wall-clock limit was reached.</summary>
    public void OnDeadline()
    {
        if (State is StudyState.Running or StudyState.Paused)
        {
            Stop("the wall-clock limit was reached");
        }
    }

    /// <summary>Trials' epochs: the ledger, the searcher and (for running trials) the scheduler hear each.</summary>
    public void OnEpochs(IReadOnlyList<TrialEpochReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var heard = ImmutableArray.CreateBuilder<TrialEpochReport>(reports.Count);
        var bestChanged = false;
        foreach (var report in reports)
        {
            if (_context.Ledger.Find(report.TrialId) is not { } trial || _context.Ledger.ApplyEpoch(report) is not { } best)
            {
                continue;
            }

            heard.Add(report);
            bestChanged |= best;
            _watchdog.Heard(report.TrialId);
            _context.Search?.OnSearcherResult(report.TrialId, report.Epoch.Epoch, report.Epoch.Metrics);
            if (_context.Search is not null)
            {
                _decisions.OnResult(trial, report.Epoch);
            }
        }

        if (heard.Count == 0)
        {
            return;
        }

        _context.Effects.Add(new NotifyEpochsEffect(heard.ToImmutable()));
        if (bestChanged)
        {
            _context.HeaderDirty = true;
            _context.Effects.Add(NotifyStudyEffect.Instance);
        }

        _context.Effects.Add(PersistEffect.Soon);
    }

    /// <summary>A trial's state change, as it reported it.</summary>
    public void OnTrialChanged(TrialSnapshot trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (_context.Ledger.ApplyChanged(trial) is not { } changed)
        {
            return;
        }

        _watchdog.Heard(trial.TrialId);
        _context.Effects.Add(new NotifyTrialEffect(changed));
        _context.Effects.Add(NotifyStudyEffect.Instance);
        _context.Effects.Add(PersistEffect.Soon);
    }

    /// <summary>
    /// A trial ended. A failure after some progress may be the machine's, not the config's: the trial is recovered from
    /// its latest checkpoint while it has retries left; any other end is final.
    /// </summary>
    public void OnTrialEnded(TrialEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (_context.Ledger.Find(ended.TrialId) is not { IsFinished: false } trial)
        {
            return;
        }

        if (ended.State == TrialState.Failed && ended.EpochsCompleted > 0 && State is StudyState.Running or StudyState.Paused
            && trial.Retries - trial.Moves < _context.Recovery.MaxRetries && !_watchdog.IsRecovering(trial.TrialId))
        {
            _watchdog.Lose(trial, "its training failed: " + ended.Reason);
            return;
        }

        _launcher.Released(trial.TrialId);
        Finish(trial, _context.Ledger.Finish(trial, ended), ended.State is TrialState.Failed or TrialState.Diverged, ended.FinalMetrics);
    }

    /// <summary>A trial went back to a checkpoint: the study's view goes back with it.</summary>
    public void OnTrialRewound(TrialSnapshot trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (_context.Ledger.ApplyRewound(trial) is not { } rewound)
        {
            return;
        }

        _watchdog.Heard(trial.TrialId);
        _context.Effects.Add(new NotifyTrialEffect(rewound));
        _context.Effects.Add(PersistEffect.Soon);
    }

    /// <summary>A trial stored a checkpoint: the scheduler hears of it (population-based training clones only stored ones).</summary>
    public void OnCheckpoint(string trialId, int epoch)
    {
        if (_context.Ledger.Find(trialId) is not null && _context.Search is { } search)
        {
            search.OnCheckpoint(trialId, epoch);
            _watchdog.Heard(trialId);
            _watchdog.OnCheckpoint(trialId, epoch);
            _context.Effects.Add(PersistEffect.Soon);
        }
    }

    /// <summary>The range test ended.</summary>
    public void OnRangeTestEnded(LearningRateRangeTestStatus status) => _rangeTest.OnEnded(status);

    /// <summary>The watchdog's check: the range test the study waits for, lost and quiet trials, free slots, the end.</summary>
    public void OnWatchTick(ISiloStatusView members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (State is StudyState.None || State.IsFinished() || _context.Spec is null)
        {
            return;
        }

        if (AwaitingRangeTest)
        {
            _rangeTest.OnTick();
            return;
        }

        _watchdog.OnTick(members);
        _launcher.Fill();
        CheckCompletion();
    }

    /// <summary>Starts the next trial when the study has room (the grain calls it for a <see cref="FillEffect"/>).</summary>
    public void Fill()
    {
        if (State is StudyState.Running or StudyState.Paused)
        {
            _watchdog.RetryLost();
        }

        _launcher.Fill();
        CheckCompletion();
    }

    /// <summary>The slot directory answered a <see cref="ReserveSlotEffect"/> (null: no place, or the directory failed).</summary>
    public void OnSlotReserved(ReserveSlotEffect request, SiloAddress? silo)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Purpose == SlotPurpose.Launch)
        {
            _launcher.OnSlotReserved(request.TrialId, silo);
        }
        else
        {
            _watchdog.OnSlotReserved(request.TrialId, silo);
        }
    }

    /// <summary>A <see cref="StartTrialEffect"/> returned (null: the silo could not be reached).</summary>
    public void OnTrialStartReturned(StartTrialEffect start, CommandResult? result)
    {
        ArgumentNullException.ThrowIfNull(start);
        _launcher.OnTrialStartReturned(start.TrialId, start.Silo, result);
        if (result is { Accepted: true } && _context.Ledger.Find(start.TrialId) is { IsFinished: false })
        {
            // A pause or stop that raced the start must still reach the trial.
            if (State == StudyState.Paused)
            {
                _context.Effects.Add(new CommandTrialsEffect([start.TrialId], PauseTrial.Instance));
            }
            else if (State == StudyState.Stopping || State.IsFinished())
            {
                _context.Effects.Add(new CommandTrialsEffect([start.TrialId], new StopTrial(Pruned: false, "the study was stopped")));
            }
        }
    }

    /// <summary>A <see cref="RecoverTrialEffect"/> returned (null: the silo could not be reached).</summary>
    public void OnTrialRecoverReturned(RecoverTrialEffect recover, CommandResult? result)
    {
        ArgumentNullException.ThrowIfNull(recover);
        _watchdog.OnRecoverReturned(recover.TrialId, recover.Silo, recover.Recovery, result);
        CheckCompletion();
    }

    /// <summary>A <see cref="MoveOffTrialEffect"/> returned (null: the silo could not be reached).</summary>
    public void OnTrialMovedOff(MoveOffTrialEffect move, CommandResult? result)
    {
        ArgumentNullException.ThrowIfNull(move);
        _watchdog.OnMovedOff(move.TrialId, move.Reason, result);
        CheckCompletion();
    }

    /// <summary>A command sent with <see cref="CommandTrialsEffect.ReportBack"/> returned (null: unreachable).</summary>
    public void OnCommandReturned(string trialId, TrialCommand command, CommandResult? result) =>
        _decisions.OnCommandReturned(trialId, command, result);

    /// <summary>A <see cref="ProbeTrialEffect"/> returned; <paramref name="reachable"/> is false when the call failed.</summary>
    public void OnTrialProbed(string trialId, TrialProbe? probe, bool reachable)
    {
        _watchdog.OnProbed(trialId, probe, reachable);
        CheckCompletion();
    }

    /// <summary>A <see cref="StartRangeTestEffect"/> returned (null: unreachable).</summary>
    public void OnRangeTestStartReturned(CommandResult? result) => _rangeTest.OnStartReturned(result);

    /// <summary>A <see cref="ProbeRangeTestEffect"/> returned.</summary>
    public void OnRangeTestProbed(LearningRateRangeTestStatus? status, bool reachable) => _rangeTest.OnProbed(status, reachable);

    internal bool IsLaunching(string trialId) => _launcher.IsLaunching(trialId);

    internal void Heard(string trialId) => _watchdog.Heard(trialId);

    internal TrialStartRequest RequestFor(int number, Search.Values.TrialConfig config) => _launcher.RequestFor(number, config);

    internal TrialStartRequest RequestFor(LedgerTrial trial) => _launcher.RequestFor(trial.Number, trial.Snapshot.Config);

    /// <summary>Creates the searcher and scheduler, for the spec with the range test's bounds applied when there is one.</summary>
    internal void BeginSearch()
    {
        var spec = _context.Header.RangeTest is { } result ? _context.Spec!.WithLearningRateBounds(result) : _context.Spec!;
        _context.Search = StudySearch.Create(spec, _context.Time);
    }

    /// <summary>What every end of a trial does: the search hears of it, the streak of failures is counted, the next trial starts.</summary>
    internal void Finish(LedgerTrial trial, TrialSnapshot finished, bool failed, IReadOnlyDictionary<string, double>? finalMetrics)
    {
        _watchdog.Forget(trial.TrialId);
        _decisions.Forget(trial.TrialId);
        _context.Search?.OnTrialComplete(trial.TrialId, finalMetrics is { Count: > 0 } ? finalMetrics : null, failed);
        _context.Effects.Add(new NotifyTrialEffect(finished));
        _context.Effects.Add(NotifyStudyEffect.Instance);
        _context.Effects.Add(PersistEffect.Soon);
        if (CountFailure(finished) is { } streak)
        {
            FailStudy(streak, finished.Reason);
            return;
        }

        _launcher.Fill();
        CheckCompletion();
    }

    /// <summary>Ends a trial as Failed for good (the study gave up on it); its slot goes to the next trial.</summary>
    internal void GiveUp(LedgerTrial trial, string reason)
    {
        Log.TrialGivenUp(_context.Logger, StudyId, trial.TrialId, reason);
        var failed = _context.Ledger.Fail(trial, reason, _context.Now);
        _context.Effects.Add(new ReleaseSlotEffect(trial.TrialId));
        _context.Effects.Add(new CommandTrialsEffect([trial.TrialId], new FailTrial(reason)));
        Finish(trial, failed, failed: true, finalMetrics: null);
    }

    /// <summary>Ends the study when nothing is left to wait for: stopped once its last trial ended, completed once its budget is spent.</summary>
    internal void CheckCompletion()
    {
        if (_context.Spec is null || _context.Ledger.UnfinishedCount > 0 || _launcher.Busy)
        {
            return;
        }

        if (State == StudyState.Stopping)
        {
            EndStudy(StudyState.Stopped, _context.Header.Reason);
        }
        else if (State == StudyState.Running && (_context.Header.SearcherFinished || _context.Ledger.Count >= _context.Spec.Budget.MaxTrials))
        {
            EndStudy(StudyState.Completed, null);
        }
    }

    /// <summary>Puts the study in a final state.</summary>
    internal void EndStudy(StudyState final, string? reason)
    {
        var header = _context.Header;
        header.State = final;
        header.Reason = reason;
        header.EndedAt = _context.Now;
        _context.HeaderDirty = true;
        Log.StudyEnded(_context.Logger, StudyId, final.ToString(), reason ?? "its budget is spent");
        _context.Effects.Add(StudyEndedEffect.Instance);
        _context.Effects.Add(PersistEffect.Now);
        _context.Effects.Add(NotifyStudyEffect.Instance);
    }

    /// <summary>
    /// Counts trials that fail before their first epoch, in a row; any trial that trains an epoch resets the count.
    /// The count when it reaches the limit; otherwise null.
    /// </summary>
    private int? CountFailure(TrialSnapshot finished)
    {
        var header = _context.Header;
        if (finished.State == TrialState.Failed && finished.Epoch == 0)
        {
            header.ConsecutiveFailures++;
        }
        else if (finished.Epoch > 0)
        {
            header.ConsecutiveFailures = 0;
        }

        _context.HeaderDirty = true;
        var limit = _context.Options.MaxConsecutiveFailures;
        return limit > 0 && header.ConsecutiveFailures >= limit && State is StudyState.Running or StudyState.Paused
            ? header.ConsecutiveFailures
            : null;
    }

    /// <summary>Fails the study: its trials keep failing for the same reason, so the rest of the budget would burn too.</summary>
    private void FailStudy(int failures, string? reason)
    {
        var why = $"{failures} trials in a row failed before their first epoch; the last: {reason ?? "no reason given"}";
        CommandUnfinished(new StopTrial(Pruned: false, "the study failed"));
        EndStudy(StudyState.Failed, why);
    }

    private void ChangeState(StudyState state, string? reason)
    {
        _context.Header.State = state;
        if (reason is not null)
        {
            _context.Header.Reason = reason;
        }

        _context.HeaderDirty = true;
        _context.Effects.Add(PersistEffect.Now);
        _context.Effects.Add(NotifyStudyEffect.Instance);
    }

    /// <summary>
    /// Sends a command to every unfinished trial: first to those waiting for a slot (standby trials), so a pause or a
    /// stop reaches them before a slot the running ones give back could start them; then to the rest.
    /// </summary>
    private void CommandUnfinished(TrialCommand command)
    {
        var unfinished = _context.Ledger.Unfinished.Where(t => t.Lost is null).ToArray();
        var waiting = unfinished.Where(t => t.Snapshot.State == TrialState.Pending).Select(t => t.TrialId).ToImmutableArray();
        var rest = unfinished.Where(t => t.Snapshot.State != TrialState.Pending).Select(t => t.TrialId).ToImmutableArray();
        if (waiting.Length > 0)
        {
            _context.Effects.Add(new CommandTrialsEffect(waiting, command));
        }

        if (rest.Length > 0)
        {
            _context.Effects.Add(new CommandTrialsEffect(rest, command));
        }
    }

    private CommandResult? Refusal(params StudyState[] allowed) => State == StudyState.None
        ? CommandResult.NotFound($"Study {StudyId} does not exist.")
        : allowed.Contains(State) ? null : CommandResult.InvalidState($"Study {StudyId} is {State}; the command is not valid now.");

    private StudyTrialRow Row(LedgerTrial trial)
    {
        var (searcher, scheduler) = _context.Search?.SaveTrial(trial.TrialId) ?? (null, null);
        return new StudyTrialRow(trial.Snapshot, trial.Placement, trial.Retries, trial.SiloCrashes, trial.Lost, searcher, scheduler) { Moves = trial.Moves };
    }
}
