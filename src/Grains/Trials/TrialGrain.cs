using System.Collections.Immutable;
using System.Globalization;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Persistence;
using HyperTune.Grains.Training;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Specs;
using HyperTune.Storage.Checkpoints;
using HyperTune.Storage.History;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Control;
using HyperTune.Training.Engine;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace HyperTune.Grains.Trials;

/// <summary>
/// One trial. Training runs on a thread of the <see cref="TrialTrainer"/>, which calls
/// <see cref="ITrialProgressGrain.DrainAsync"/> when it has progress; the grain then keeps the history and forwards each
/// epoch to the study in an ordinary turn, so it answers queries and commands at once while it trains.
/// </summary>
public sealed class TrialGrain(
    [PersistentState("trial", GrainStorageNames.Default)] IPersistentState<TrialGrainState> state,
    TrialTrainer trainer,
    ICheckpointStore checkpoints,
    CheckpointRetentionPolicy retention,
    ITrialHistoryStore history,
    HyperTuneMetrics metrics,
    ILocalSiloDetails silo,
    TimeProvider time,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain, ITrialProgressGrain
{
    private TrainingHandle? _training;
    private IGrainTimer? _keepAlive;
    private int _drainScheduled;
    private TrialState? _stopAs;
    private System.Diagnostics.Activity? _lifecycle;
    private TrialPresence? _presence;
    private bool _holdsSlot;

    /// <summary>The last epoch the history store holds: the epochs after it are written with the next drain.</summary>
    private int _historyWrittenThrough;

    /// <summary>How often a training trial tells Orleans it is in use, so it is never collected while it trains.</summary>
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    private TrialGrainState S => state.State;

    private string TrialId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<CommandResult> StartAsync(TrialStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Request is not null)
        {
            return CommandResult.InvalidState($"Trial {TrialId} was already started; it is {S.State}.");
        }

        ResumePlan? resume = null;
        if (request.Fork is { } fork)
        {
            // A fork holds its source's bytes before it exists: a checkpoint gone meanwhile refuses the start.
            var (loaded, problem) = await trainer.LoadAsync(new CheckpointSource(fork.SourceTrialId, fork.SourceEpoch));
            if (loaded is null)
            {
                return CommandResult.InvalidState($"Trial {TrialId} cannot fork: {problem}.");
            }

            resume = new ResumePlan(
                [],
                Commands: fork.LearningRate is { } rate ? [LearningRateCommand.Set(rate, LearningRateChangeSource.User)] : null,
                Loaded: loaded);
        }

        S.Request = request;
        // Pending until its thread gets one of the silo's training slots (a standby trial waits for a running one to end).
        S.State = TrialState.Pending;
        S.Silo = silo.Name;
        if (request.Fork is { } origin)
        {
            var rate = origin.LearningRate is { } lr ? string.Create(CultureInfo.InvariantCulture, $" with learning rate {lr:G4}") : string.Empty;
            AddEvent(TrialEventKinds.Forked, origin.SourceEpoch, $"forked from {origin.SourceTrialId} at epoch {origin.SourceEpoch}{rate}");
            Log.TrialForkStarted(logger, TrialId, request.StudyId, origin.SourceTrialId, origin.SourceEpoch, S.Silo);
        }

        BeginTraining(resume);
        await state.WriteStateAsync();
        _lifecycle = TrialActivities.StartTrial(TrialId, request.StudyId, request.Number, S.Silo, request.TraceParent);
        Log.TrialStarted(logger, TrialId, request.StudyId, S.Silo);
        await Study.ReportTrialChangedAsync(Snapshot());
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CommandResult> RecoverAsync(TrialRecovery recovery)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        if (recovery.Silo is { } target && !target.Equals(silo.SiloAddress))
        {
            // This activation outlived a move (or a hang) on the silo the trial leaves: it goes, and the restart asked
            // again activates the trial where its slot is.
            AbandonTraining();
            RequestContext.Set(IPlacementDirector.PlacementHintKey, target);
            MigrateOnIdle();
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            return CommandResult.Elsewhere($"Trial {TrialId} is active on {silo.Name}, not on {target}; it leaves it.");
        }

        if (S.Request is null)
        {
            return CommandResult.NotFound($"Trial {TrialId} does not exist.");
        }

        if (S.State.IsFinished() && S.State != TrialState.Failed)
        {
            return CommandResult.InvalidState($"Trial {TrialId} has finished ({S.State}); there is nothing to recover.");
        }

        AbandonTraining();
        await RecoverHistoryAsync();

        // Only checkpoints of epochs the history holds: resuming past them would leave a gap in the trial's curve.
        var lastEpoch = S.Epochs.Count > 0 ? S.Epochs[^1].Epoch : 0;
        var candidates = (await ResumeCandidatesAsync()).Where(c => c.Epoch <= lastEpoch).ToList();
        IReadOnlyList<LearningRateCommand>? commands = null;
        if (S.Request.Fork is { } fork)
        {
            // A fork lost before its first checkpoint goes back to its source's, never to scratch, and starts at its rate again.
            if (candidates.Count == 0 && fork.LearningRate is { } rate)
            {
                commands = [LearningRateCommand.Set(rate, LearningRateChangeSource.User)];
            }

            candidates.Add(new CheckpointSource(fork.SourceTrialId, fork.SourceEpoch));
        }

        S.Attempt = Math.Max(S.Attempt, recovery.Attempt);
        // As on a first start: Pending until the new run's thread gets one of this silo's slots (TrainingSignal.Started).
        S.State = recovery.Paused ? TrialState.Paused : TrialState.Pending;
        S.Reason = null;
        S.EndedAt = null;
        S.Silo = silo.Name;
        _stopAs = null;
        AddEvent(TrialEventKinds.Recovering, S.Epochs.Count > 0 ? S.Epochs[^1].Epoch : 0, $"attempt {S.Attempt} on {S.Silo}: {recovery.Reason}");
        BeginTraining(new ResumePlan(candidates, recovery.Paused, commands));
        await state.WriteStateAsync();
        _lifecycle ??= TrialActivities.StartTrial(TrialId, S.Request.StudyId, S.Request.Number, S.Silo, S.Request.TraceParent, S.Attempt);
        Log.TrialRecovering(logger, TrialId, S.Request.StudyId, S.Silo, S.Attempt, recovery.Reason);
        await Study.ReportTrialChangedAsync(Snapshot());
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CommandResult> MoveOffAsync(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (S.Request is null)
        {
            return CommandResult.NotFound($"Trial {TrialId} does not exist.");
        }

        if (S.State.IsFinished())
        {
            return CommandResult.InvalidState($"Trial {TrialId} has finished ({S.State}); there is nothing to move.");
        }

        var wasTraining = _training is not null;
        AbandonTraining();
        _keepAlive?.Dispose();
        _keepAlive = null;
        var epoch = S.Epochs.Count > 0 ? S.Epochs[^1].Epoch : 0;
        AddEvent(TrialEventKinds.MovedOff, epoch, $"left {S.Silo}: {reason}");
        await state.WriteStateAsync();
        if (wasTraining)
        {
            metrics.TrialFinished("moved");
        }

        // Its place on this silo is free at once; the study reserves it one elsewhere.
        await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(TrialId);
        Log.TrialMovedOff(logger, TrialId, S.Request.StudyId, S.Silo, epoch, reason);

        // The next call (the study's restart, with a placement hint) activates the trial on the silo it moves to.
        DeactivateOnIdle();
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CommandResult> ExploitAsync(TrialExploit exploit)
    {
        ArgumentNullException.ThrowIfNull(exploit);
        if (S.Request is null)
        {
            return CommandResult.NotFound($"Trial {TrialId} does not exist.");
        }

        if (!S.State.IsActive() || _training is null)
        {
            return CommandResult.InvalidState($"Trial {TrialId} is {S.State}; only a training trial can exploit another.");
        }

        if (exploit.LearningRateFactor is { } factor && !(double.IsFinite(factor) && factor > 0))
        {
            return CommandResult.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"The learning-rate factor must be a positive, finite number, not {factor}."));
        }

        if (exploit.SourceEpoch >= S.Request.MaxEpochs)
        {
            return CommandResult.InvalidArgument($"The checkpoint of {exploit.SourceTrialId} at epoch {exploit.SourceEpoch} leaves nothing to train ({TrialId} trains {S.Request.MaxEpochs} epochs).");
        }

        // The source's bytes are in hand before this trial's own run is abandoned: if they are gone or broken, the
        // trial trains on unchanged.
        var (loaded, problem) = await trainer.LoadAsync(new CheckpointSource(exploit.SourceTrialId, exploit.SourceEpoch));
        if (loaded is null || _training is null)
        {
            return CommandResult.InvalidState($"Trial {TrialId} trains on unchanged: {problem ?? "it is no longer training"}.");
        }

        AbandonTraining();
        S.Request = S.Request with { Config = exploit.Config };
        var lr = exploit.LearningRateFactor is { } f ? string.Create(CultureInfo.InvariantCulture, $"; learning rate ×{f:0.###}") : string.Empty;
        AddEvent(TrialEventKinds.Exploited, exploit.SourceEpoch, $"took over the checkpoint of {exploit.SourceTrialId} at epoch {exploit.SourceEpoch}{lr}: {exploit.Reason}");
        BeginTraining(new ResumePlan(
            [],
            Paused: S.State == TrialState.Paused,
            Commands: exploit.LearningRateFactor is { } decay ? [LearningRateCommand.Decay(decay, LearningRateChangeSource.Population)] : null,
            Loaded: loaded));
        await state.WriteStateAsync();
        Log.TrialExploited(logger, TrialId, exploit.SourceTrialId, exploit.SourceEpoch, exploit.Reason);
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CommandResult> FailAsync(string reason)
    {
        if (S.Request is null)
        {
            return CommandResult.NotFound($"Trial {TrialId} does not exist.");
        }

        if (S.State.IsFinished())
        {
            return CommandResult.Ok;
        }

        AbandonTraining();
        S.State = TrialState.Failed;
        S.Reason = reason;
        S.EndedAt = time.GetUtcNow();
        AddEvent(TrialEventKinds.GaveUp, S.Epochs.Count > 0 ? S.Epochs[^1].Epoch : 0, reason);
        await state.WriteStateAsync();
        metrics.TrialFinished(S.State.ToString());
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Request is not null)
        {
            // The epochs live in the history store, not in the state.
            await RecoverHistoryAsync();
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The silo is going away (or the activation is being moved) while the trial trains: stop the thread and leave
        // the stored state as it is — Running — so the study restarts the trial from its checkpoint elsewhere, instead
        // of hearing that it was stopped.
        AbandonTraining();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CommandResult> DecayLearningRateAsync(double factor, string source = "user") => Task.FromResult(
        LearningRateCommandLimits.CheckDecay(factor, LatestLearningRate) is { } problem
            ? CommandResult.InvalidArgument(problem)
            : Command(control => control.Send(LearningRateCommand.Decay(factor, ParseSource(source))), "decay", factor, source));

    /// <inheritdoc />
    public Task<CommandResult> SetLearningRateAsync(double value, string source = "user") => Task.FromResult(
        LearningRateCommandLimits.CheckSet(value) is { } problem
            ? CommandResult.InvalidArgument(problem)
            : Command(control => control.Send(LearningRateCommand.Set(value, ParseSource(source))), "set", value, source));

    /// <summary>The learning rate of the latest epoch, or the config's before the first one (NaN when unknown).</summary>
    private double LatestLearningRate =>
        S.Epochs.Count > 0 ? S.Epochs[^1].LearningRate
        : S.Request?.Config is { } config && config.TryGetValue(HyperparameterNames.LearningRate, out var rate) && rate.IsNumber ? rate.AsDouble()
        : double.NaN;

    /// <inheritdoc />
    public async Task<CommandResult> PauseAsync()
    {
        if (S.State == TrialState.Paused)
        {
            return CommandResult.Ok;
        }

        var result = Command(control => control.Pause());
        if (result.Accepted)
        {
            await ChangeStateAsync(TrialState.Paused);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<CommandResult> ResumeAsync()
    {
        if (S.State is TrialState.Running or TrialState.Pending && _training is not null)
        {
            return CommandResult.Ok;
        }

        var result = Command(control => control.Resume());
        if (result.Accepted)
        {
            // Resumed before its run got a slot (a first start or a recovery), it is still waiting for one.
            await ChangeStateAsync(_holdsSlot ? TrialState.Running : TrialState.Pending);
        }

        return result;
    }

    /// <inheritdoc />
    public Task<CommandResult> StopAsync(bool pruned = false, string? reason = null)
    {
        var result = Command(control => control.Stop());
        if (result.Accepted)
        {
            _stopAs = pruned ? TrialState.Pruned : TrialState.Stopped;
            S.Reason = reason ?? (pruned ? "pruned by the study's scheduler" : "stopped on request");
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task<TrialSnapshot?> GetStatusAsync() => Task.FromResult(S.Request is null ? null : Snapshot());

    /// <inheritdoc />
    public Task<TrialProbe?> ProbeAsync() => Task.FromResult(S.Request is null ? null : new TrialProbe(Snapshot(), _training is not null));

    /// <inheritdoc />
    public Task<ImmutableArray<int>> GetCheckpointEpochsAsync() => Task.FromResult(S.Checkpoints.Select(c => c.Epoch).ToImmutableArray());

    /// <inheritdoc />
    public Task<TrialHistory?> GetHistoryAsync() => Task.FromResult(S.Request is null
        ? null
        : new TrialHistory(TrialId, [.. S.Epochs], [.. S.LearningRateChanges], [.. S.Checkpoints]) { Events = [.. S.Events] });

    private IStudyReportGrain Study => GrainFactory.GetGrain<IStudyReportGrain>(S.Request!.StudyId);

    private CommandResult Command(Action<TrainingControl> apply, string? name = null, double value = 0, string? source = null)
    {
        if (S.Request is null)
        {
            return CommandResult.NotFound($"Trial {TrialId} does not exist.");
        }

        if (S.State.IsFinished())
        {
            return CommandResult.InvalidState($"Trial {TrialId} has finished ({S.State}); it takes no more commands.");
        }

        if (_training is null)
        {
            return CommandResult.InvalidState($"Trial {TrialId} is not training now.");
        }

        try
        {
            apply(_training.Control);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return CommandResult.InvalidArgument(e.Message.Split(Environment.NewLine)[0]);
        }

        if (name is not null)
        {
            Log.LearningRateCommand(logger, TrialId, name, value, source ?? "user");
        }

        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task DrainAsync()
    {
        Volatile.Write(ref _drainScheduled, 0);
        if (_training is { } training)
        {
            await DrainAsync(training);
        }
    }

    /// <summary>Applies every signal waiting now; true when the run ended.</summary>
    private async Task<bool> DrainAsync(TrainingHandle training)
    {
        var reports = new List<TrialEpochReport>();

        // What the study hears, in the order it happened: epoch reports and stored checkpoints (as epoch numbers).
        var messages = new List<object?>();
        TrainingOutcome? ended = null;
        DateTimeOffset? endedAt = null;
        var wroteCheckpoint = false;
        while (training.Signals.TryRead(out var signal))
        {
            switch (signal)
            {
                case TrainingSignal.Epoch epoch:
                    var report = Record(epoch.Report);
                    reports.Add(report);
                    messages.Add(report);
                    break;
                case TrainingSignal.Checkpoint checkpoint:
                    S.Checkpoints.Add(new CheckpointRecord(checkpoint.Saved.Epoch, checkpoint.Saved.SizeBytes, time.GetUtcNow()));
                    metrics.CheckpointWritten(checkpoint.Saved.SizeBytes);
                    messages.Add(checkpoint.Saved.Epoch);
                    wroteCheckpoint = true;
                    break;
                case TrainingSignal.CheckpointFailed failed:
                    Log.CheckpointFailed(logger, TrialId, failed.EpochNumber, failed.Error);
                    break;
                case TrainingSignal.Resumed resumed:
                    // Always the first signal of a resumed run: the study hears the rewind before the epochs trained again.
                    Rewind(resumed);
                    _historyWrittenThrough = Math.Min(_historyWrittenThrough, resumed.FromEpoch);
                    await WriteHistoryAsync(store => store.DeleteAfterAsync(TrialId, resumed.FromEpoch));
                    await state.WriteStateAsync();
                    await TellStudyAsync(study => study.ReportTrialRewoundAsync(Snapshot()));
                    break;
                case TrainingSignal.Started started:
                    S.StartedAt ??= started.At;
                    _holdsSlot = true;
                    if (S.State == TrialState.Pending)
                    {
                        S.State = TrialState.Running;
                    }

                    Recount();

                    messages.Add(started);
                    break;
                case TrainingSignal.Ended end:
                    ended = end.Outcome;
                    endedAt = end.At;
                    break;
            }
        }

        await WriteUnwrittenEpochsAsync();

        // Consecutive epochs go to the study in one call: a fast trial costs one message per drain, not one per epoch.
        var epochs = ImmutableArray.CreateBuilder<TrialEpochReport>();
        foreach (var message in messages.Append(null))
        {
            if (message is TrialEpochReport report)
            {
                epochs.Add(report);
                continue;
            }

            if (epochs.Count > 0)
            {
                var batch = epochs.DrainToImmutable();
                await TellStudyAsync(study => study.ReportEpochsAsync(batch));
                metrics.ResultsReported(batch.Length);
            }

            if (message is TrainingSignal.Started)
            {
                var snapshot = Snapshot();
                await TellStudyAsync(study => study.ReportTrialChangedAsync(snapshot));
            }
            else if (message is int epoch)
            {
                await TellStudyAsync(study => study.ReportCheckpointAsync(TrialId, epoch));
            }
        }

        if (wroteCheckpoint)
        {
            ApplyRetention();
        }

        if (ended is not null)
        {
            await EndAsync(ended, endedAt ?? time.GetUtcNow());
            return true;
        }

        if (wroteCheckpoint)
        {
            await state.WriteStateAsync();
        }

        return false;
    }

    /// <summary>
    /// Forgets what came after the checkpoint training continues from, so the epochs that are trained again appear once
    /// in the history, and records the resume (and every checkpoint skipped) as events.
    /// </summary>
    private void Rewind(TrainingSignal.Resumed resumed)
    {
        var epoch = resumed.FromEpoch;
        S.Epochs.RemoveAll(e => e.Epoch > epoch);
        S.LearningRateChanges.RemoveAll(c => c.Epoch > epoch);
        // Checkpoints after that point hold weights this trial no longer has (or were unusable): forget and delete them.
        var stale = S.Checkpoints.Where(c => c.Epoch > epoch).Select(c => c.Epoch).ToArray();
        S.Checkpoints.RemoveAll(c => c.Epoch > epoch);
        DeleteCheckpointsInBackground(stale);
        foreach (var skipped in resumed.Skipped)
        {
            AddEvent(TrialEventKinds.CheckpointUnusable, epoch, skipped);
            Log.CheckpointSkipped(logger, TrialId, skipped);
        }

        AddEvent(TrialEventKinds.Resumed, epoch, resumed.Source is null
            ? "no usable checkpoint; training again from scratch"
            : resumed.Source.RunId == TrialId
                ? $"continuing from the checkpoint at epoch {epoch}"
                : $"continuing from the checkpoint of {resumed.Source.RunId} at epoch {epoch}");
    }

    /// <summary>
    /// Keeps the latest checkpoints and the best one (by the study's objective) as the retention policy says; the rest
    /// are forgotten now and deleted off the grain's turn.
    /// </summary>
    private void ApplyRetention()
    {
        var infos = S.Checkpoints.Select(c => new CheckpointInfo(TrialId, c.Epoch, c.SizeBytes, c.WrittenAt)).ToArray();
        var doomed = retention.SelectForDeletion(infos, BestCheckpointEpoch()).Select(c => c.Epoch).ToHashSet();
        if (doomed.Count > 0)
        {
            S.Checkpoints.RemoveAll(c => doomed.Contains(c.Epoch));
            DeleteCheckpointsInBackground(doomed);
        }
    }

    /// <summary>The checkpointed epoch with the best objective value; null without an objective or a finite value.</summary>
    private int? BestCheckpointEpoch()
    {
        if (S.Request?.Objective is not { } objective)
        {
            return null;
        }

        var checkpointed = S.Checkpoints.Select(c => c.Epoch).ToHashSet();
        int? best = null;
        var bestValue = double.NaN;
        foreach (var epoch in S.Epochs.Where(e => checkpointed.Contains(e.Epoch)))
        {
            if (epoch.Metrics.TryGetValue(objective.Metric, out var value) && double.IsFinite(value)
                && (best is null || objective.IsBetter(value, bestValue)))
            {
                (best, bestValue) = (epoch.Epoch, value);
            }
        }

        return best;
    }

    /// <summary>
    /// Writes the epochs the history store does not hold yet (those of this drain; after a failed write, also the ones it
    /// missed). Only the tail of the history is looked at: the cost is that of the new epochs, not of the trial's age.
    /// </summary>
    private async Task WriteUnwrittenEpochsAsync()
    {
        var first = S.Epochs.Count;
        while (first > 0 && S.Epochs[first - 1].Epoch > _historyWrittenThrough)
        {
            first--;
        }

        if (first == S.Epochs.Count)
        {
            return;
        }

        var rows = new List<TrialHistoryRow>(S.Epochs.Count - first);
        for (var i = first; i < S.Epochs.Count; i++)
        {
            rows.Add(EpochHistoryRows.ToRow(TrialId, S.Epochs[i]));
        }

        if (await WriteHistoryAsync(store => store.UpsertAsync(rows)))
        {
            _historyWrittenThrough = S.Epochs[^1].Epoch;
        }
    }

    /// <summary>Writes to the trial history store; a failure is logged, never fatal (epochs are written again with the next drain).</summary>
    private async Task<bool> WriteHistoryAsync(Func<ITrialHistoryStore, Task> write)
    {
        try
        {
            await write(history);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.HistoryWriteFailed(logger, TrialId, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Sends a report to the study. A study that cannot be reached (its silo is dying) misses the report but the trial
    /// carries on: its own state keeps the history, and the study reconciles with the trial's status later.
    /// </summary>
    private async Task TellStudyAsync(Func<IStudyReportGrain, Task> report)
    {
        try
        {
            await report(Study);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StudyUnreachable(logger, TrialId, S.Request!.StudyId, e.Message);
        }
    }

    private void DeleteCheckpointsInBackground(IReadOnlyCollection<int> epochs)
    {
        if (epochs.Count == 0)
        {
            return;
        }

        var trialId = TrialId;
        _ = Task.Run(async () =>
        {
            foreach (var epoch in epochs)
            {
                try
                {
                    await checkpoints.DeleteAsync(trialId, epoch);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    Log.CheckpointSkipped(logger, trialId, $"could not delete the checkpoint at epoch {epoch}: {e.Message}");
                }
            }
        });
    }

    /// <summary>Counts the trial in the gauge its state and run say (running, standby, neither).</summary>
    private void Recount() => (_presence ??= new TrialPresence(metrics)).Set(TrialPresence.Of(S.State, _training is not null, _holdsSlot));

    private void AddEvent(string kind, int epoch, string message) => S.Events.Add(new TrialEvent(time.GetUtcNow(), kind, epoch, message));

    /// <summary>Starts the training thread; its signals come back through <see cref="DrainAsync()"/>.</summary>
    private void BeginTraining(ResumePlan? resume)
    {
        var self = this.AsReference<ITrialProgressGrain>();
        _holdsSlot = false;
        _training = trainer.Start(TrialId, S.Request!, () =>
        {
            if (Interlocked.Exchange(ref _drainScheduled, 1) == 0)
            {
                self.DrainAsync().Ignore();
            }
        }, resume);
        _keepAlive ??= this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(KeepAlivePeriod, KeepAlivePeriod) { KeepAlive = true });
        Recount();
    }

    /// <summary>Stops any training of this activation and ignores whatever it still signals.</summary>
    private void AbandonTraining()
    {
        if (_training is { } abandoned)
        {
            _training = null;
            abandoned.Control.Stop();
        }

        Recount();
    }

    /// <summary>
    /// Adds the epochs the history store holds beyond the grain state (written after the state was last saved, before
    /// the trial was lost).
    /// </summary>
    private async Task RecoverHistoryAsync()
    {
        var lastEpoch = S.Epochs.Count > 0 ? S.Epochs[^1].Epoch : 0;
        try
        {
            S.Epochs.AddRange((await history.ReadAsync(TrialId)).Where(r => r.Epoch > lastEpoch).OrderBy(r => r.Epoch).Select(EpochHistoryRows.ToEpochMetrics));
            _historyWrittenThrough = S.Epochs.Count > 0 ? S.Epochs[^1].Epoch : 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.HistoryWriteFailed(logger, TrialId, "reading it back failed: " + e.Message);
        }
    }

    /// <summary>The trial's checkpoints, newest first: those the store holds and those the state remembers.</summary>
    private async Task<IReadOnlyList<CheckpointSource>> ResumeCandidatesAsync()
    {
        var epochs = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        epochs.UnionWith(S.Checkpoints.Select(c => c.Epoch));
        try
        {
            epochs.UnionWith((await checkpoints.ListAsync(TrialId)).Select(c => c.Epoch));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Log.CheckpointSkipped(logger, TrialId, "listing the checkpoints failed: " + e.Message);
        }

        return [.. epochs.Where(e => e > 0).Select(e => new CheckpointSource(TrialId, e))];
    }

    private TrialEpochReport Record(EpochReport report)
    {
        var epoch = new EpochMetrics(
            report.Epoch, report.Step, report.Metrics.ToImmutableDictionary(), report.LearningRate, report.Duration.TotalSeconds, time.GetUtcNow());
        var changes = report.LearningRateEvents.Select(ToChange).ToImmutableArray();
        S.Epochs.Add(epoch);
        S.LearningRateChanges.AddRange(changes);
        metrics.EpochTrained();
        var objective = S.Request!.Objective?.Metric;
        TrialActivities.Epoch(_lifecycle, epoch.Epoch, epoch.LearningRate, objective, objective is not null && epoch.Metrics.TryGetValue(objective, out var v) ? v : double.NaN);
        return new TrialEpochReport(S.Request!.StudyId, TrialId, epoch, changes, S.Silo);
    }

    private async Task EndAsync(TrainingOutcome outcome, DateTimeOffset endedAt)
    {
        _keepAlive?.Dispose();
        _keepAlive = null;
        _training?.Control.Dispose();
        _training = null;
        _holdsSlot = false;
        Recount();
        (S.State, var reason) = outcome.Status switch
        {
            TrainingStatus.Completed => (TrialState.Completed, (string?)null),
            TrainingStatus.Stopped => (_stopAs ?? TrialState.Stopped, S.Reason ?? outcome.Reason),
            TrainingStatus.Diverged => (TrialState.Diverged, outcome.Reason),
            _ => (TrialState.Failed, outcome.Reason),
        };
        S.Reason = reason;
        S.EndedAt = endedAt;
        S.TrainingSeconds = outcome.Duration.TotalSeconds;
        await WriteUnwrittenEpochsAsync();

        // The study hears first: it frees this trial's slot as it reserves one for the next trial.
        Study.ReportTrialEndedAsync(new TrialEnded(
            S.Request!.StudyId, TrialId, S.State, S.Reason, S.Epochs.Count, S.Epochs.Count > 0 ? S.Epochs[^1].Metrics : ImmutableDictionary<string, double>.Empty,
            S.TrainingSeconds, S.EndedAt.Value, S.Checkpoints.Count > 0 ? S.Checkpoints[^1].Epoch : 0, S.Silo) { StartedAt = S.StartedAt }).Ignore();
        await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(TrialId);
        await state.WriteStateAsync();
        metrics.TrialFinished(S.State.ToString());
        TrialActivities.EndTrial(_lifecycle, S.State, S.Epochs.Count, S.Reason);
        _lifecycle = null;
        Log.TrialEnded(logger, TrialId, S.Request.StudyId, S.State.ToString(), S.Epochs.Count, S.Reason ?? EndWithoutReason(S.State));
    }

    /// <summary>What a log says of an end that came with no reason (a completed trial's, usually).</summary>
    private static string EndWithoutReason(TrialState state) => state == TrialState.Completed ? "it trained all its epochs" : "no reason given";

    private async Task ChangeStateAsync(TrialState next)
    {
        S.State = next;
        Recount();
        await state.WriteStateAsync();
        await Study.ReportTrialChangedAsync(Snapshot());
    }

    private TrialSnapshot Snapshot()
    {
        var request = S.Request!;
        var last = S.Epochs.Count > 0 ? S.Epochs[^1] : null;
        return new TrialSnapshot(
            TrialId, request.StudyId, request.Number, S.State, S.Reason, request.Config, last?.Epoch ?? 0, request.MaxEpochs,
            last?.Metrics ?? ImmutableDictionary<string, double>.Empty, last?.LearningRate ?? double.NaN, S.Silo, S.StartedAt, S.EndedAt,
            S.Checkpoints.Count > 0 ? S.Checkpoints[^1].Epoch : 0, S.TrainingSeconds)
        {
            Attempt = S.Attempt,
            ForkedFrom = request.Fork,
        };
    }

    private static LearningRateChange ToChange(LearningRateEvent change) => new(
        change.Epoch, change.Step, change.OldLearningRate, change.NewLearningRate,
        change.Source.ToString().ToLowerInvariant(), change.Command?.ToString().ToLowerInvariant());

    private static LearningRateChangeSource ParseSource(string source) =>
        Enum.TryParse<LearningRateChangeSource>(source, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentOutOfRangeException(nameof(source), source, $"Unknown source '{source}'; use user, policy or population.");
}
