using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Randomness;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Searchers;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;
using Orleans.Utilities;

namespace HyperTune.Grains.Studies;

/// <summary>
/// The coordinator of one study. It owns the searcher, reserves a training slot for each new trial, starts the trial
/// on the silo that holds the slot, and applies what its trials report. Subscribers hear every report and change.
/// </summary>
public sealed class StudyGrain(
    [PersistentState("study", GrainStorageNames.Default)] IPersistentState<StudyGrainState> state,
    IClusterMembershipService membership,
    IOptions<StudyRecoveryOptions> recoveryOptions,
    TimeProvider time,
    ILogger<StudyGrain> logger) : Grain, IStudyGrain
{
    /// <summary>How often a study waiting for a free slot asks again.</summary>
    internal static readonly TimeSpan SlotRetryInterval = TimeSpan.FromMilliseconds(500);

    private readonly ObserverManager<IStudyObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private StudySpec? _spec;
    private ISearcher? _searcher;
    private ITrialScheduler? _scheduler;

    /// <summary>Trials a decision is being carried out for (a prune or exploit), so later epochs do not repeat it.</summary>
    private readonly HashSet<string> _deciding = new(StringComparer.Ordinal);
    private IGrainTimer? _slotRetry;
    private IGrainTimer? _deadline;
    private IGrainTimer? _watch;
    private bool _filling;
    private bool _watching;

    /// <summary>True until this activation's first check, which asks every active trial for its status.</summary>
    private bool _reconcileAll = true;

    /// <summary>When each active trial was last heard from (not persisted: a new activation starts the clock again).</summary>
    private readonly Dictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);

    /// <summary>Trials whose silo was missing from membership at the last check (gone at the next one means lost).</summary>
    private readonly HashSet<string> _silosMissing = new(StringComparer.Ordinal);

    private StudyRecoveryOptions Recovery => recoveryOptions.Value;

    private StudyGrainState S => state.State;

    private string StudyId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.SpecJson.Length > 0)
        {
            _spec = StudySpecParser.ParseOrThrow(S.SpecJson);
            if (!AwaitingRangeTest)
            {
                BeginSearch(restore: true);
            }

            ArmDeadline();
            ArmWatch();
        }

        return Task.CompletedTask;
    }

    /// <summary>True while the spec's learning-rate range test has not completed: no trial starts before it has.</summary>
    private bool AwaitingRangeTest => _spec?.LearningRateRangeTest is not null && S.RangeTest is null;

    /// <summary>
    /// Creates the searcher and scheduler, for the spec with the range test's learning-rate bounds applied when there
    /// is one; restored from their saved state when <paramref name="restore"/>.
    /// </summary>
    private void BeginSearch(bool restore)
    {
        var spec = S.RangeTest is { } rangeTest ? _spec!.WithLearningRateBounds(rangeTest) : _spec!;
        _searcher = SearcherFactory.Create(spec);
        _scheduler = SchedulerFactory.Create(spec, time);
        if (restore && S.SearcherState is { } saved)
        {
            _searcher.RestoreState(saved);
        }

        if (restore && S.SchedulerState is { } scheduled)
        {
            _scheduler.RestoreState(scheduled);
        }
    }

    /// <summary>Starts (or starts again) the spec's learning-rate range test, keyed by the study's id.</summary>
    private async Task StartRangeTestAsync()
    {
        var spec = _spec!;
        var rangeTest = spec.LearningRateRangeTest!;
        var request = new LearningRateRangeTestRequest(rangeTest.ConfigFor(spec.SearchSpace), spec.Dataset, spec.Seed, rangeTest.Options)
        {
            StudyId = StudyId,
        };
        S.RangeTestAttempts++;
        try
        {
            var result = await GrainFactory.GetGrain<ILearningRateRangeTestGrain>(StudyId).StartAsync(request);
            if (!result.Accepted && result.Kind != CommandError.InvalidState)
            {
                await EndAsync(StudyState.Failed, "the learning-rate range test could not start: " + result.Error);
            }
        }
        catch (Exception e)
        {
            // Its silo may be going down: the watchdog asks again.
            Log.StudyRangeTestFailed(logger, StudyId, S.RangeTestAttempts, e.Message);
        }
    }

    /// <inheritdoc />
    public async Task ReportRangeTestEndedAsync(LearningRateRangeTestStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!AwaitingRangeTest || S.State.IsFinished())
        {
            return;
        }

        await OnRangeTestEndedAsync(status);
        await SaveAndNotifyAsync();
    }

    /// <summary>
    /// A completed test starts the search; a failed one is started again when it was interrupted and has retries left,
    /// and otherwise fails the study with its error.
    /// </summary>
    private async Task OnRangeTestEndedAsync(LearningRateRangeTestStatus status)
    {
        if (status is { State: RangeTestState.Completed, Result: { } result })
        {
            S.RangeTest = result;
            BeginSearch(restore: false);
            if (_spec!.LearningRateRangeTest!.SetBounds)
            {
                Log.RangeTestApplied(logger, StudyId, result.SearchLow, result.SearchHigh);
            }

            await FillSlotsAsync();
            return;
        }

        if (status.State != RangeTestState.Failed)
        {
            return;
        }

        Log.StudyRangeTestFailed(logger, StudyId, S.RangeTestAttempts, status.Error ?? "unknown error");
        if (status.Interrupted && S.RangeTestAttempts <= Recovery.MaxRetries)
        {
            await StartRangeTestAsync();
        }
        else
        {
            await EndAsync(StudyState.Failed, "the learning-rate range test failed: " + status.Error);
        }
    }

    /// <summary>The watchdog's look at a range test the study waits for: started when it never was, handled when it ended unheard.</summary>
    private async Task WatchRangeTestAsync()
    {
        LearningRateRangeTestStatus? status;
        try
        {
            status = await GrainFactory.GetGrain<ILearningRateRangeTestGrain>(StudyId).GetStatusAsync();
        }
        catch (Exception e)
        {
            Log.StudyRangeTestFailed(logger, StudyId, S.RangeTestAttempts, e.Message);
            return;
        }

        if (status is null)
        {
            await StartRangeTestAsync();
        }
        else
        {
            await OnRangeTestEndedAsync(status);
        }
    }

    /// <inheritdoc />
    public async Task<StudyStartResult> StartAsync(string specJson)
    {
        if (S.State != StudyState.None)
        {
            return new StudyStartResult(null, [], $"Study {StudyId} already exists ({S.State}).");
        }

        var parsed = StudySpecParser.Parse(specJson ?? string.Empty);
        if (!parsed.IsValid)
        {
            return new StudyStartResult(null, [.. parsed.Errors.Select(e => new SpecProblem(e.Path, e.Message))], null);
        }

        _spec = parsed.Spec;
        S.SpecJson = _spec.ToJson();
        S.State = StudyState.Running;
        S.CreatedAt = time.GetUtcNow();
        Log.StudyStarted(logger, StudyId, _spec.Budget.MaxTrials, _spec.Budget.MaxConcurrentTrials, _spec.Searcher.Kind);
        ArmDeadline();
        ArmWatch();
        if (AwaitingRangeTest)
        {
            await StartRangeTestAsync();
        }
        else
        {
            BeginSearch(restore: false);
            await FillSlotsAsync();
        }
        await SaveAndNotifyAsync();
        await GrainFactory.GetGrain<IStudyRegistryGrain>(0).RegisterAsync(StudyId);
        return new StudyStartResult(Snapshot(), [], null);
    }

    /// <inheritdoc />
    public async Task<CommandResult> PauseAsync()
    {
        if (Refusal(StudyState.Running, StudyState.Paused) is { } refused)
        {
            return refused;
        }

        S.State = StudyState.Paused;
        await ForEachActiveTrialAsync(trial => trial.PauseAsync());
        await SaveAndNotifyAsync();
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CommandResult> ResumeAsync()
    {
        if (Refusal(StudyState.Running, StudyState.Paused) is { } refused)
        {
            return refused;
        }

        S.State = StudyState.Running;
        await ForEachActiveTrialAsync(trial => trial.ResumeAsync());
        await FillSlotsAsync();
        await SaveAndNotifyAsync();
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public async Task<CommandResult> StopAsync(string? reason = null)
    {
        if (Refusal(StudyState.Running, StudyState.Paused, StudyState.Stopping) is { } refused)
        {
            return refused;
        }

        S.State = StudyState.Stopping;
        S.Reason = reason ?? "stopped on request";
        await ForEachActiveTrialAsync(trial => trial.StopAsync(reason: "the study was stopped"));
        await CheckCompletionAsync();
        await SaveAndNotifyAsync();
        return CommandResult.Ok;
    }

    /// <inheritdoc />
    public Task<StudySnapshot?> GetStatusAsync() => Task.FromResult(S.State == StudyState.None ? null : Snapshot());

    /// <inheritdoc />
    public Task<ImmutableArray<TrialSnapshot>> GetTrialsAsync() =>
        Task.FromResult(S.Trials.Values.OrderBy(t => t.Number).ToImmutableArray());

    /// <inheritdoc />
    public Task<BestTrial?> GetBestTrialAsync() => Task.FromResult(S.Best);

    /// <inheritdoc />
    public async Task<StudyHistory> GetHistoryAsync()
    {
        var histories = await Task.WhenAll(S.Trials.Values.OrderBy(t => t.Number).Select(t => Trial(t.TrialId).GetHistoryAsync()));
        return new StudyHistory(StudyId, [.. histories.OfType<TrialHistory>()]);
    }

    /// <inheritdoc />
    public Task SubscribeAsync(IStudyObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnsubscribeAsync(IStudyObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ReportEpochAsync(TrialEpochReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!S.Trials.TryGetValue(report.TrialId, out var trial) || _spec is null)
        {
            return;
        }

        _lastHeard[report.TrialId] = time.GetUtcNow();
        var epoch = report.Epoch;
        if (epoch.Epoch > trial.Epoch)
        {
            S.Trials[report.TrialId] = trial with { Epoch = epoch.Epoch, Metrics = epoch.Metrics, LearningRate = epoch.LearningRate, Silo = report.Silo };
        }

        _searcher!.OnTrialResult(report.TrialId, epoch.Epoch, epoch.Metrics);
        var bestChanged = false;
        if (epoch.Metrics.TryGetValue(_spec.Objective.Metric, out var value) && double.IsFinite(value)
            && (S.Best is null || _spec.Objective.IsBetter(value, S.Best.Value)))
        {
            S.Best = new BestTrial(report.TrialId, epoch.Epoch, value, trial.Config);
            bestChanged = true;
        }

        await _observers.Notify(o => o.OnTrialEpochAsync(report));
        if (S.State == StudyState.Running && trial.State == TrialState.Running && !_deciding.Contains(report.TrialId))
        {
            // Not awaited: the trial is waiting for this report to return, and the decision is a call to that trial.
            ApplyAsync(report.TrialId, _scheduler!.OnTrialResult(report.TrialId, epoch.Epoch, epoch.Metrics)).Ignore();
        }

        if (bestChanged)
        {
            var snapshot = Snapshot();
            await _observers.Notify(o => o.OnStudyChangedAsync(snapshot));
        }

        return;
    }

    /// <inheritdoc />
    public async Task ReportTrialChangedAsync(TrialSnapshot trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (S.Trials.TryGetValue(trial.TrialId, out var known)
            && (known.State.IsFinished() || (known.StartedAt is not null && trial.StartedAt is null && trial.Attempt == known.Attempt)))
        {
            // Finished, or a report from before the trial got its slot arriving after one from after: nothing new.
            return;
        }

        _lastHeard[trial.TrialId] = time.GetUtcNow();
        S.Trials[trial.TrialId] = known is null || trial.Attempt > known.Attempt || trial.Epoch >= known.Epoch
            ? trial
            : trial with { Epoch = known.Epoch, Metrics = known.Metrics, LearningRate = known.LearningRate };
        await _observers.Notify(o => o.OnTrialChangedAsync(trial));
        return;
    }

    /// <inheritdoc />
    public async Task ReportTrialEndedAsync(TrialEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (!S.Trials.TryGetValue(ended.TrialId, out var trial) || trial.State.IsFinished())
        {
            return;
        }

        if (ended.State == TrialState.Failed && ended.EpochsCompleted > 0 && S.State is StudyState.Running or StudyState.Paused
            && S.Retries.GetValueOrDefault(ended.TrialId) < Recovery.MaxRetries)
        {
            // A failure after some progress may be the machine's, not the config's: try again from the latest checkpoint.
            await RecoverTrialAsync(ended.TrialId, "its training failed: " + ended.Reason);
            await SaveAndNotifyAsync();
            return;
        }

        var finished = trial with
        {
            State = ended.State,
            Reason = ended.Reason,
            Epoch = Math.Max(trial.Epoch, ended.EpochsCompleted),
            Metrics = ended.FinalMetrics.IsEmpty ? trial.Metrics : ended.FinalMetrics,
            StartedAt = ended.StartedAt ?? trial.StartedAt,
            EndedAt = ended.EndedAt,
            TrainingSeconds = ended.TrainingSeconds,
            LastCheckpointEpoch = ended.LastCheckpointEpoch,
            Silo = ended.Silo,
        };
        S.Trials[ended.TrialId] = finished;
        Forget(ended.TrialId);
        _scheduler!.OnTrialComplete(ended.TrialId, failed: ended.State is TrialState.Failed or TrialState.Diverged);
        _searcher!.OnTrialComplete(ended.TrialId, ended.FinalMetrics, failed: ended.State is TrialState.Failed or TrialState.Diverged);
        await _observers.Notify(o => o.OnTrialChangedAsync(finished));
        await FillSlotsAsync(releasing: ended.TrialId);
        await CheckCompletionAsync();
        await SaveAndNotifyAsync();
    }

    /// <inheritdoc />
    public Task ReportTrialRewoundAsync(TrialSnapshot trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (S.Trials.TryGetValue(trial.TrialId, out var known) && !known.State.IsFinished())
        {
            S.Trials[trial.TrialId] = trial;
            _lastHeard[trial.TrialId] = time.GetUtcNow();
            return _observers.Notify(o => o.OnTrialChangedAsync(trial));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReportCheckpointAsync(string trialId, int epoch)
    {
        if (S.Trials.ContainsKey(trialId))
        {
            _scheduler?.OnCheckpoint(trialId, epoch);
        }

        return Task.CompletedTask;
    }

    /// <summary>Carries out what the trial scheduler decided for a running trial, through the trial's ordinary commands.</summary>
    private async Task ApplyAsync(string trialId, SchedulerDecision decision)
    {
        if (decision is ContinueDecision || !_deciding.Add(trialId))
        {
            return;
        }

        Log.SchedulerDecided(logger, StudyId, trialId, decision.ToString());
        var trial = Trial(trialId);
        try
        {
            var result = decision switch
            {
                PruneDecision prune => await trial.StopAsync(pruned: true, reason: prune.Reason),
                PauseDecision => await trial.PauseAsync(),
                DecayLearningRateDecision decay => await trial.DecayLearningRateAsync(decay.Factor, "policy"),
                ExploitDecision exploit => await ExploitAsync(trialId, exploit),
                _ => CommandResult.Ok,
            };
            if (!result.Accepted)
            {
                Log.TrialUnreachable(logger, StudyId, trialId, result.Error ?? decision.ToString());
            }
        }
        catch (Exception e)
        {
            Log.TrialUnreachable(logger, StudyId, trialId, e.Message);
        }
        finally
        {
            // A pruned trial stays in the set: its epochs still in flight must not be stopped twice.
            if (decision is not PruneDecision)
            {
                _deciding.Remove(trialId);
            }
        }
    }

    private async Task<CommandResult> ExploitAsync(string trialId, ExploitDecision exploit)
    {
        // A perturbed learning rate travels as a decay command (as a person's would), applied to the source's restored
        // learning rate; the config keeps the source's, so the perturbation is not applied twice.
        var config = exploit.NewConfig;
        if (exploit.LearningRateFactor is not null && S.Trials.TryGetValue(exploit.SourceTrialId, out var source)
            && source.Config.TryGetValue(HyperparameterNames.LearningRate, out var sourceRate))
        {
            config = config.With(HyperparameterNames.LearningRate, sourceRate);
        }

        var result = await Trial(trialId).ExploitAsync(new TrialExploit(
            exploit.SourceTrialId, exploit.SourceCheckpointEpoch, config, exploit.LearningRateFactor, exploit.Reason));
        if (result.Accepted && S.Trials.TryGetValue(trialId, out var known))
        {
            // The trial continues from the source's epoch with the new config: the study's view goes back with it.
            S.Trials[trialId] = known with { Config = config, Epoch = exploit.SourceCheckpointEpoch };
        }

        return result;
    }

    private async Task FillSlotsAsync(string? releasing = null)
    {
        if (_filling || _searcher is null || S.State != StudyState.Running)
        {
            return;
        }

        _filling = true;
        try
        {
            var budget = _spec!.Budget;
            while (S.State == StudyState.Running && !S.SearcherFinished && S.Trials.Count < budget.MaxTrials)
            {
                var number = S.Trials.Count + 1;
                var trialId = TrialIds.Of(StudyId, number);
                var directory = GrainFactory.GetGrain<ISlotDirectoryGrain>(0);
                // A free slot first, else a standby place on a busy silo: the trial's thread waits there and takes
                // over the slot of the next trial to end, without a round trip through the study. Below its
                // concurrency any study may wait so; at it, only one whose concurrency covers the cluster's slots.
                var belowCap = ActiveCount() < budget.MaxConcurrentTrials;
                var silo = await directory.TryReserveStandbyAsync(trialId, belowCap ? int.MaxValue : budget.MaxConcurrentTrials, releasing, SlotKinds.For(_spec.Trainable));
                releasing = null;
                if (silo is null)
                {
                    if (belowCap)
                    {
                        Log.WaitingForSlot(logger, StudyId, budget.MaxTrials - S.Trials.Count);
                        ArmSlotRetry();
                    }

                    return;
                }

                var suggestion = _searcher!.Suggest(trialId);
                if (!suggestion.HasConfig)
                {
                    await directory.ReleaseAsync(trialId);
                    if (suggestion.Status == SuggestStatus.Finished)
                    {
                        S.SearcherFinished = true;
                    }
                    else
                    {
                        ArmSlotRetry();
                    }

                    break;
                }

                await StartTrialAsync(trialId, number, suggestion.Config, silo);
            }

            DisarmSlotRetry();
        }
        finally
        {
            _filling = false;
        }
    }

    private async Task StartTrialAsync(string trialId, int number, TrialConfig config, SiloAddress silo)
    {
        var spec = _spec!;
        var epochs = Math.Min(spec.Budget.EpochsFor(config), _scheduler!.MaxEpochs ?? int.MaxValue);
        var request = new TrialStartRequest(StudyId, number, config, spec.Dataset, epochs, spec.CheckpointInterval, TrialSeeds.ForTrial(spec.Seed, number))
        {
            Objective = spec.Objective,
            Trainable = spec.Trainable,
        };
        S.Trials[trialId] = new TrialSnapshot(
            trialId, StudyId, number, TrialState.Pending, null, config, 0, epochs,
            ImmutableDictionary<string, double>.Empty, double.NaN, string.Empty, null, null, 0);
        // The scheduler hears of the trial first: its first reports may arrive while the start call is under way.
        _scheduler!.OnTrialAdded(trialId, config);
        // Write-ahead: the study stores the trial (Pending, with its silo) before the trial exists. Were the study to go
        // down after the trial started but before it saved, its next activation would not know the trial and would
        // hand the same number to a new suggestion, which the started trial refuses.
        S.Placements[trialId] = silo;
        await SaveAsync();
        var result = await CallOnSiloAsync(trialId, silo, trial => trial.StartAsync(request));
        if (result is null)
        {
            // The silo could not be reached (it may be dying): not the config's fault. The watchdog starts the trial
            // on another silo once membership has caught up.
            await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(trialId);
            S.Lost[trialId] = "its silo could not be reached to start it";
            return;
        }

        if (!result.Accepted)
        {
            await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(trialId);
            S.Placements.Remove(trialId);
            S.Trials[trialId] = S.Trials[trialId] with { State = TrialState.Failed, Reason = "could not start: " + result.Error, EndedAt = time.GetUtcNow() };
            _scheduler.OnTrialComplete(trialId, failed: true);
            _searcher!.OnTrialComplete(trialId, null, failed: true);
            return;
        }

        _lastHeard[trialId] = time.GetUtcNow();
    }

    /// <summary>
    /// Calls a trial with a placement hint, so a new activation of it lands on the silo whose slot it holds; null when
    /// the call failed (the silo could not be reached).
    /// </summary>
    private async Task<CommandResult?> CallOnSiloAsync(string trialId, SiloAddress silo, Func<ITrialGrain, Task<CommandResult>> call)
    {
        try
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            return await call(Trial(trialId));
        }
        catch (Exception e)
        {
            Log.TrialUnreachable(logger, StudyId, trialId, e.Message);
            return null;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private void ArmWatch()
    {
        if (_watch is null && !S.State.IsFinished() && S.State != StudyState.None)
        {
            _watch = this.RegisterGrainTimer(_ => WatchAsync(), new GrainTimerCreationOptions(Recovery.WatchInterval, Recovery.WatchInterval) { KeepAlive = true });
        }
    }

    /// <summary>
    /// Finds lost trials — on a silo that left the cluster, silent for longer than the report timeout, or waiting for a
    /// slot to restart on — and restarts them; then fills free slots (after a whole-cluster restart nothing else would).
    /// </summary>
    private async Task WatchAsync()
    {
        if (_watching || _spec is null)
        {
            return;
        }

        _watching = true;
        try
        {
            if (AwaitingRangeTest && S.State is StudyState.Running or StudyState.Paused)
            {
                await WatchRangeTestAsync();
                await SaveAndNotifyAsync();
                return;
            }

            var now = time.GetUtcNow();
            var members = membership.CurrentSnapshot;
            var changed = false;
            // A Pending trial with a placement was being started when the study last saved: it is watched like a running one.
            foreach (var trial in S.Trials.Values.Where(t => t.State.IsActive() || (t.State == TrialState.Pending && S.Placements.ContainsKey(t.TrialId))).ToArray())
            {
                if (await ReconcileAsync(trial, members, now))
                {
                    changed = true;
                    continue;
                }

                var lost = S.Lost.GetValueOrDefault(trial.TrialId) ?? LostBecause(trial, members, now);
                if (lost is not null)
                {
                    await RecoverTrialAsync(trial.TrialId, lost);
                    changed = true;
                }
            }

            _reconcileAll = false;
            var before = S.Trials.Count;
            await FillSlotsAsync();
            await CheckCompletionAsync();
            if (changed || S.Trials.Count != before || S.State.IsFinished())
            {
                await SaveAndNotifyAsync();
            }
        }
        finally
        {
            _watching = false;
        }
    }

    /// <summary>
    /// Asks a trial on a live silo that has been quiet (or every trial, on this activation's first check) for its status:
    /// its end may have been reported to an activation of the study that died with its silo. True when it had ended.
    /// </summary>
    private async Task<bool> ReconcileAsync(TrialSnapshot trial, ClusterMembershipSnapshot members, DateTimeOffset now)
    {
        var quiet = !_lastHeard.TryGetValue(trial.TrialId, out var heard) || now - heard > 3 * Recovery.WatchInterval;
        if (!(_reconcileAll || quiet) || S.Lost.ContainsKey(trial.TrialId)
            || !S.Placements.TryGetValue(trial.TrialId, out var silo) || members.GetSiloStatus(silo) != SiloStatus.Active)
        {
            return false;
        }

        TrialSnapshot? status;
        try
        {
            // Hinted like a start: a trial that does not exist yet must not be activated away from its slot.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            status = await Trial(trial.TrialId).GetStatusAsync();
        }
        catch (Exception e)
        {
            Log.TrialUnreachable(logger, StudyId, trial.TrialId, e.Message);
            return false;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        if (trial.State == TrialState.Pending && status?.State.IsFinished() != true)
        {
            // Written ahead of a start the study did not see through (it went down): the trial tells whether it began.
            if (status is null)
            {
                S.Lost[trial.TrialId] = "its start never reached it";
            }
            else
            {
                S.Trials[trial.TrialId] = status;
                _lastHeard[trial.TrialId] = now;
            }

            return false;
        }

        if (status is null || !status.State.IsFinished())
        {
            return false;
        }

        await ReportTrialEndedAsync(EndedFrom(status));
        return true;
    }

    /// <summary>The end of a trial as its own (finished) status tells it.</summary>
    private TrialEnded EndedFrom(TrialSnapshot status) => new(
        StudyId, status.TrialId, status.State, status.Reason, status.Epoch, status.Metrics, status.TrainingSeconds,
        status.EndedAt ?? time.GetUtcNow(), status.LastCheckpointEpoch, status.Silo)
    {
        StartedAt = status.StartedAt,
    };

    private string? LostBecause(TrialSnapshot trial, ClusterMembershipSnapshot members, DateTimeOffset now)
    {
        var id = trial.TrialId;
        if (S.Placements.TryGetValue(id, out var silo))
        {
            switch (members.GetSiloStatus(silo))
            {
                case SiloStatus.Dead:
                    return $"its silo {trial.Silo} died";
                case SiloStatus.None when !_silosMissing.Add(id):
                    return $"its silo {trial.Silo} is no longer in the cluster";
                case SiloStatus.None:
                    return null;
                default:
                    _silosMissing.Remove(id);
                    break;
            }
        }

        if (!_lastHeard.TryGetValue(id, out var heard))
        {
            _lastHeard[id] = heard = now;
        }

        return trial.State == TrialState.Running && S.State == StudyState.Running && now - heard > Recovery.ReportTimeout
            ? $"it reported nothing for {Recovery.ReportTimeout}"
            : null;
    }

    /// <summary>
    /// Restarts a lost trial from its latest usable checkpoint on a silo with a free slot, or — when it has used its
    /// retries — ends it as Failed. Without a free slot it waits in <see cref="StudyGrainState.Lost"/> for the next check.
    /// </summary>
    private async Task RecoverTrialAsync(string trialId, string reason)
    {
        var attempt = S.Retries.GetValueOrDefault(trialId) + 1;
        if (attempt > Recovery.MaxRetries)
        {
            await GiveUpAsync(trialId, Recovery.MaxRetries == 0 ? reason : $"{reason} (gave up after {Recovery.MaxRetries} retries)");
            return;
        }

        Log.TrialLost(logger, StudyId, trialId, reason, attempt, Recovery.MaxRetries);
        var directory = GrainFactory.GetGrain<ISlotDirectoryGrain>(0);
        var silo = await directory.TryReserveAsync(trialId, kind: SlotKinds.For(_spec!.Trainable));
        if (silo is null)
        {
            S.Lost[trialId] = reason;
            return;
        }

        var paused = S.State == StudyState.Paused || S.Trials[trialId].State == TrialState.Paused;
        var result = await CallOnSiloAsync(trialId, silo, trial => trial.RecoverAsync(new TrialRecovery(reason, attempt, paused)));
        if (result is null)
        {
            await directory.ReleaseAsync(trialId);
            S.Lost[trialId] = reason;
            return;
        }

        if (result.Kind == CommandError.NotFound)
        {
            // Its start never reached storage: start it afresh with the config the searcher gave it.
            var lost = S.Trials[trialId];
            S.Lost.Remove(trialId);
            await StartTrialAsync(trialId, lost.Number, lost.Config, silo);
            return;
        }

        if (!result.Accepted)
        {
            await directory.ReleaseAsync(trialId);
            if (result.Kind == CommandError.InvalidState && await Trial(trialId).GetStatusAsync() is { } status && status.State.IsFinished())
            {
                // It had ended, and the study missed the report (it went down with a silo): take the trial's word.
                await ReportTrialEndedAsync(EndedFrom(status));
            }
            else if (result.Kind is CommandError.InvalidArgument or CommandError.InvalidState)
            {
                await GiveUpAsync(trialId, $"{reason}; it could not be restarted: {result.Error}");
            }
            else
            {
                S.Lost[trialId] = reason;
            }

            return;
        }

        S.Lost.Remove(trialId);
        S.Retries[trialId] = attempt;
        S.Placements[trialId] = silo;
        _silosMissing.Remove(trialId);
        _lastHeard[trialId] = time.GetUtcNow();
        if (S.Trials[trialId] is { } known && known.Attempt < attempt)
        {
            S.Trials[trialId] = known with { State = paused ? TrialState.Paused : TrialState.Running, Reason = null, EndedAt = null, Attempt = attempt };
        }
    }

    /// <summary>Ends a lost trial as Failed; its slot goes to the next trial.</summary>
    private async Task GiveUpAsync(string trialId, string reason)
    {
        Log.TrialGivenUp(logger, StudyId, trialId, reason);
        var failed = S.Trials[trialId] with { State = TrialState.Failed, Reason = reason, EndedAt = time.GetUtcNow() };
        S.Trials[trialId] = failed;
        Forget(trialId);
        _scheduler!.OnTrialComplete(trialId, failed: true);
        _searcher!.OnTrialComplete(trialId, null, failed: true);
        await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(trialId);
        try
        {
            await Trial(trialId).FailAsync(reason);
        }
        catch (Exception e)
        {
            Log.TrialUnreachable(logger, StudyId, trialId, e.Message);
        }

        await _observers.Notify(o => o.OnTrialChangedAsync(failed));
        await FillSlotsAsync();
        await CheckCompletionAsync();
    }

    /// <summary>Drops what the study tracks only for active trials.</summary>
    private void Forget(string trialId)
    {
        S.Placements.Remove(trialId);
        S.Lost.Remove(trialId);
        _lastHeard.Remove(trialId);
        _silosMissing.Remove(trialId);
        _deciding.Remove(trialId);
    }

    private async Task CheckCompletionAsync()
    {
        if (_spec is null || ActiveCount() > 0)
        {
            return;
        }

        if (S.State == StudyState.Stopping)
        {
            await EndAsync(StudyState.Stopped, S.Reason);
        }
        else if (S.State == StudyState.Running && (S.SearcherFinished || S.Trials.Count >= _spec.Budget.MaxTrials))
        {
            await EndAsync(StudyState.Completed, null);
        }
    }

    private Task EndAsync(StudyState final, string? reason)
    {
        S.State = final;
        S.Reason = reason;
        S.EndedAt = time.GetUtcNow();
        DisarmSlotRetry();
        _deadline?.Dispose();
        _watch?.Dispose();
        _watch = null;
        Log.StudyEnded(logger, StudyId, final.ToString(), reason);
        return Task.CompletedTask;
    }

    private async Task SaveAndNotifyAsync()
    {
        await SaveAsync();
        var snapshot = Snapshot();
        await _observers.Notify(o => o.OnStudyChangedAsync(snapshot));
    }

    /// <summary>Stores the study with its searcher's and scheduler's current state.</summary>
    private Task SaveAsync()
    {
        if (_searcher is not null)
        {
            S.SearcherState = _searcher.SaveState();
        }

        if (_scheduler is not null)
        {
            S.SchedulerState = _scheduler.SaveState();
        }

        return state.WriteStateAsync();
    }

    /// <summary>
    /// Sends a command to every unfinished trial: first to those waiting for a slot (standby trials), so a pause or a
    /// stop reaches them before a slot the running ones give back could start them; then to the rest, in parallel.
    /// </summary>
    private async Task ForEachActiveTrialAsync(Func<ITrialGrain, Task<CommandResult>> command)
    {
        var active = S.Trials.Values.Where(t => t.State.IsActive() || t.State == TrialState.Pending).ToLookup(t => t.State == TrialState.Pending);
        await Task.WhenAll(active[true].Select(t => CommandAsync(t.TrialId)));
        await Task.WhenAll(active[false].Select(t => CommandAsync(t.TrialId)));

        async Task CommandAsync(string trialId)
        {
            try
            {
                await command(Trial(trialId));
            }
            catch (Exception e)
            {
                Log.TrialUnreachable(logger, StudyId, trialId, e.Message);
            }
        }
    }

    private CommandResult? Refusal(params StudyState[] allowed) => S.State == StudyState.None
        ? CommandResult.NotFound($"Study {StudyId} does not exist.")
        : allowed.Contains(S.State) ? null : CommandResult.InvalidState($"Study {StudyId} is {S.State}; the command is not valid now.");

    private int ActiveCount() => S.Trials.Values.Count(t => !t.State.IsFinished());

    private ITrialGrain Trial(string trialId) => GrainFactory.GetGrain<ITrialGrain>(trialId);

    private void ArmSlotRetry() => _slotRetry ??= this.RegisterGrainTimer(
        _ => RetryFillAsync(), new GrainTimerCreationOptions(SlotRetryInterval, SlotRetryInterval) { KeepAlive = true });

    private async Task RetryFillAsync()
    {
        var before = S.Trials.Count;
        await FillSlotsAsync();
        await CheckCompletionAsync();
        if (S.Trials.Count != before || S.State.IsFinished())
        {
            await SaveAndNotifyAsync();
        }
    }

    private void DisarmSlotRetry()
    {
        _slotRetry?.Dispose();
        _slotRetry = null;
    }

    private void ArmDeadline()
    {
        if (_spec?.Budget.WallClockLimit is not { } limit || S.State.IsFinished() || _deadline is not null)
        {
            return;
        }

        var due = S.CreatedAt + limit - time.GetUtcNow();
        _deadline = this.RegisterGrainTimer(
            _ => StopAsync("the wall-clock limit was reached"),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private StudySnapshot Snapshot()
    {
        var counts = S.Trials.Values.GroupBy(t => t.State).ToImmutableDictionary(g => g.Key, g => g.Count());
        return new StudySnapshot(
            StudyId, _spec?.Name ?? string.Empty, S.State, S.Reason, _spec?.Objective.Metric ?? string.Empty,
            _spec?.Objective.Direction == OptimizationDirection.Maximize, _spec?.Budget.MaxTrials ?? 0, S.Trials.Count, counts, S.Best,
            S.CreatedAt, S.EndedAt, S.SpecJson, ++S.SnapshotVersion);
    }
}
