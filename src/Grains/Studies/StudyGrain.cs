using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Studies.Persistence;
using HyperTune.Storage.Studies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;
using Orleans.Utilities;

namespace HyperTune.Grains.Studies;

/// <summary>
/// The shell of one study. It turns calls, reports and timers into events for the study's core
/// (<see cref="StudyController"/>), which decides everything at once, and carries out the effects the core leaves
/// behind: calls to trials, the slot directory and the range test, writes of what changed, and notifications to
/// subscribers. Each effect's answer goes back to the core as an event of its own.
/// </summary>
public sealed class StudyGrain(
    [PersistentState("study", GrainStorageNames.Default)] IPersistentState<StudyGrainState> legacy,
    IStudyStore store,
    StudyRecordCodec codec,
    IClusterMembershipService membership,
    IOptions<StudyOptions> options,
    IOptions<StudyRecoveryOptions> recoveryOptions,
    TimeProvider time,
    ILogger<StudyGrain> logger) : Grain, IStudyGrain, IStudyReportGrain
{
    private readonly ObserverManager<IStudyObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private StudyController _core = null!;
    private long _version;
    private IGrainTimer? _watch;
    private IGrainTimer? _deadline;
    private IGrainTimer? _fillLater;
    private IGrainTimer? _flushLater;
    private TaskCompletionSource? _firstLaunch;

    private string StudyId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _core = new StudyController(StudyId, options.Value, recoveryOptions.Value, time, logger);
        if (await store.ReadAsync(StudyId, cancellationToken) is { } stored)
        {
            var (header, trials) = codec.Decode(stored);
            _version = stored.Version;
            _core.Restore(header, trials);
        }
        else if (legacy.State.SpecJson.Length > 0)
        {
            // A study written before trials had rows of their own: it moves to the new form with its next write.
            _core.RestoreLegacy(legacy.State);
            await FlushAsync();
            await legacy.ClearStateAsync();
        }

        ArmTimers();
    }

    /// <inheritdoc />
    public async Task<StudyStartResult> StartAsync(string specJson)
    {
        var result = _core.Start(specJson);
        if (result.Study is null)
        {
            await RunAsync(_core.TakeEffects());
            return result;
        }

        ArmTimers();
        _firstLaunch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await RunAsync(_core.TakeEffects());

        // The study answers once its first trial exists (or it found no room yet), so a command to trial 1 right after
        // `study create` finds it; the rest of the first wave starts apart. Bounded: a slow silo does not hold the caller.
        try
        {
            await _firstLaunch.Task.WaitAsync(options.Value.FirstLaunchWait, time);
        }
        catch (TimeoutException)
        {
            Log.StudyFirstLaunchSlow(logger, StudyId, options.Value.FirstLaunchWait);
        }
        finally
        {
            _firstLaunch = null;
        }

        return result;
    }

    /// <inheritdoc />
    public Task<CommandResult> PauseAsync() => CommandAsync(_core.Pause());

    /// <inheritdoc />
    public Task<CommandResult> ResumeAsync() => CommandAsync(_core.Resume());

    /// <inheritdoc />
    public Task<CommandResult> StopAsync(string? reason = null) => CommandAsync(_core.Stop(reason));

    /// <inheritdoc />
    public async Task<TrialForkResult> ForkTrialAsync(TrialForkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The source's stored checkpoints first (a few: retention keeps them so); the core checks everything again after.
        IReadOnlyCollection<int> checkpoints = [];
        if (_core.HasTrial(request.SourceTrialId))
        {
            try
            {
                checkpoints = await GrainFactory.GetGrain<ITrialGrain>(request.SourceTrialId).GetCheckpointEpochsAsync();
            }
            catch (Exception e)
            {
                Log.TrialUnreachable(logger, StudyId, request.SourceTrialId, e.Message);
                return TrialForkResult.Refused(CommandResult.InvalidState($"Trial {request.SourceTrialId} could not be reached to find its checkpoints; try again."));
            }
        }

        var result = _core.Fork(request, checkpoints);
        await RunAsync(_core.TakeEffects());
        return result;
    }

    /// <inheritdoc />
    public Task<ImmutableArray<string>> GetForksAsync(string trialId) => Task.FromResult(_core.ForksOf(trialId));

    /// <inheritdoc />
    public Task<StudySnapshot?> GetStatusAsync() => Task.FromResult(_core.State == StudyState.None ? null : _core.Snapshot());

    /// <inheritdoc />
    public Task<TrialPage> GetTrialPageAsync(TrialPageQuery query) => Task.FromResult(_core.Page(query));

    /// <inheritdoc />
    public Task<ImmutableArray<TrialSnapshot>> GetTrialsAsync() => Task.FromResult(_core.Trials());

    /// <inheritdoc />
    public Task<BestTrial?> GetBestTrialAsync() => Task.FromResult(_core.Best);

    /// <inheritdoc />
    public async Task<StudyHistory> GetHistoryAsync()
    {
        // A few hundred trials at a time: a huge study must not send a call to every trial at once.
        var histories = new List<TrialHistory>();
        foreach (var batch in _core.TrialIds.ToArray().Chunk(256))
        {
            histories.AddRange((await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<ITrialGrain>(id).GetHistoryAsync()))).OfType<TrialHistory>());
        }

        return new StudyHistory(StudyId, [.. histories]);
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
    public Task ReportEpochsAsync(ImmutableArray<TrialEpochReport> reports) => Hear(c => c.OnEpochs(reports));

    /// <inheritdoc />
    public Task ReportTrialRewoundAsync(TrialSnapshot trial) => Hear(c => c.OnTrialRewound(trial));

    /// <inheritdoc />
    public Task ReportTrialChangedAsync(TrialSnapshot trial) => Hear(c => c.OnTrialChanged(trial));

    /// <inheritdoc />
    public Task ReportTrialEndedAsync(TrialEnded ended) => Hear(c => c.OnTrialEnded(ended));

    /// <inheritdoc />
    public Task ReportCheckpointAsync(string trialId, int epoch) => Hear(c => c.OnCheckpoint(trialId, epoch));

    /// <inheritdoc />
    public Task ReportRangeTestEndedAsync(LearningRateRangeTestStatus status) => Hear(c => c.OnRangeTestEnded(status));

    private async Task<CommandResult> CommandAsync(CommandResult result)
    {
        await RunAsync(_core.TakeEffects());
        return result;
    }

    /// <summary>
    /// Hands a report to the core and returns at once; what it asks is carried out apart. The reporting trial may be
    /// awaiting this call, and what the study does next may be a call to that very trial (a prune, an exploit).
    /// </summary>
    private Task Hear(Action<StudyController> handle)
    {
        handle(_core);
        var effects = _core.TakeEffects();
        if (effects.Count > 0)
        {
            Detach(RunAsync(effects));
        }

        return Task.CompletedTask;
    }

    /// <summary>Hands an event to the core (at once, without awaiting) and carries out what it asks.</summary>
    private Task HandleAsync(Action<StudyController> handle)
    {
        handle(_core);
        return RunAsync(_core.TakeEffects());
    }

    /// <summary>
    /// Carries out effects in order; the answer of each is handed to the core, and the effects that produces run before
    /// the rest, so a chain (reserve a slot, write ahead, start the trial, reserve the next) runs to its end.
    /// </summary>
    private async Task RunAsync(IReadOnlyList<StudyEffect> effects)
    {
        var chains = new Stack<IEnumerator<StudyEffect>>();
        chains.Push(effects.GetEnumerator());
        while (chains.Count > 0)
        {
            var chain = chains.Peek();
            if (!chain.MoveNext())
            {
                chains.Pop();
                continue;
            }

            await ExecuteAsync(chain.Current);
            var next = _core.TakeEffects();
            if (next.Count > 0)
            {
                chains.Push(next.GetEnumerator());
            }
        }
    }

    private async Task ExecuteAsync(StudyEffect effect)
    {
        switch (effect)
        {
            case PersistEffect { Urgent: true }:
                await FlushAsync();
                break;
            case PersistEffect:
                _flushLater ??= this.RegisterGrainTimer(
                    _ => FlushLaterAsync(), new GrainTimerCreationOptions(options.Value.FlushInterval, Timeout.InfiniteTimeSpan) { KeepAlive = true });
                break;
            case RegisterStudyEffect:
                await GrainFactory.GetGrain<IStudyRegistryGrain>(0).RegisterAsync(StudyId);
                break;
            case ReserveSlotEffect reserve:
                _core.OnSlotReserved(reserve, await ReserveAsync(reserve));
                break;
            case ReleaseSlotEffect release:
                await ReleaseAsync(release.TrialId);
                break;
            case StartTrialEffect start:
                _core.OnTrialStartReturned(start, await CallOnSiloAsync(start.TrialId, start.Silo, trial => trial.StartAsync(start.Request)));
                _firstLaunch?.TrySetResult();
                break;
            case RecoverTrialEffect recover:
                _core.OnTrialRecoverReturned(recover, await CallOnSiloAsync(recover.TrialId, recover.Silo, trial => trial.RecoverAsync(recover.Recovery)));
                break;
            case MoveOffTrialEffect move:
                _core.OnTrialMovedOff(move, await CallOnSiloAsync(move.TrialId, null, trial => trial.MoveOffAsync(move.Reason)));
                break;
            case CommandTrialsEffect command:
                await CommandTrialsAsync(command);
                break;
            case ProbeTrialEffect probe:
                await ProbeAsync(probe);
                break;
            case StartRangeTestEffect rangeTest:
                _core.OnRangeTestStartReturned(await StartRangeTestAsync(rangeTest.Request));
                _firstLaunch?.TrySetResult();
                break;
            case ProbeRangeTestEffect:
                await ProbeRangeTestAsync();
                break;
            case NotifyEpochsEffect epochs:
                foreach (var report in epochs.Reports)
                {
                    await _observers.Notify(o => o.OnTrialEpochAsync(report));
                }

                break;
            case NotifyTrialEffect trial:
                await _observers.Notify(o => o.OnTrialChangedAsync(trial.Trial));
                break;
            case NotifyStudyEffect:
                var snapshot = _core.Snapshot();
                await _observers.Notify(o => o.OnStudyChangedAsync(snapshot));
                break;
            case FillEffect fill when fill.Delay <= TimeSpan.Zero:
                // Apart from the call that asked: a command answers without waiting for the trials it lets start.
                Detach(HandleAsync(c => c.Fill()));
                break;
            case FillEffect fill:
                _firstLaunch?.TrySetResult();
                _fillLater ??= this.RegisterGrainTimer(_ =>
                {
                    _fillLater?.Dispose();
                    _fillLater = null;
                    return HandleAsync(c => c.Fill());
                }, new GrainTimerCreationOptions(fill.Delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
                break;
            case StudyEndedEffect:
                _firstLaunch?.TrySetResult();
                DisarmTimers();
                break;
            default:
                throw new InvalidOperationException($"Unknown study effect {effect.GetType().Name}.");
        }
    }

    /// <summary>Writes what changed since the last write, in one transaction; a failed write is tried again with the next.</summary>
    private async Task FlushAsync()
    {
        await _writing.WaitAsync();
        try
        {
            if (_core.TakeWrite() is not { } write)
            {
                return;
            }

            var encoded = codec.Encode(write);
            try
            {
                _version = await store.WriteAsync(StudyId, encoded, _version);
            }
            catch (StudyVersionConflictException e)
            {
                // Another activation of this study wrote since this one read: it owns the study now.
                Log.StudyWriteConflict(logger, StudyId, e.Message);
                DeactivateOnIdle();
                throw;
            }
            catch
            {
                _core.ReturnWrite(write);
                throw;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task FlushLaterAsync()
    {
        _flushLater?.Dispose();
        _flushLater = null;
        try
        {
            await FlushAsync();
        }
        catch (Exception e) when (e is not StudyVersionConflictException)
        {
            Log.StudyWriteFailed(logger, StudyId, e.Message);
            _flushLater ??= this.RegisterGrainTimer(
                _ => FlushLaterAsync(), new GrainTimerCreationOptions(options.Value.FlushInterval, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private async Task<SiloAddress?> ReserveAsync(ReserveSlotEffect reserve)
    {
        var directory = GrainFactory.GetGrain<ISlotDirectoryGrain>(0);
        try
        {
            return reserve.Mode switch
            {
                SlotMode.FreeSlot => await directory.TryReserveAsync(reserve.TrialId, reserve.Releasing, reserve.Kind),
                SlotMode.FreeOrStandby => await directory.TryReserveStandbyAsync(reserve.TrialId, int.MaxValue, reserve.Releasing, reserve.Kind),
                _ => await directory.TryReserveStandbyAsync(reserve.TrialId, reserve.StudyConcurrency, reserve.Releasing, reserve.Kind, standbyOnly: true),
            };
        }
        catch (Exception e)
        {
            Log.TrialUnreachable(logger, StudyId, reserve.TrialId, "the slot directory could not be reached: " + e.Message);
            return null;
        }
    }

    private async Task ReleaseAsync(string trialId)
    {
        try
        {
            await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).ReleaseAsync(trialId);
        }
        catch (Exception e)
        {
            // The directory heals from the silos' registrations.
            Log.TrialUnreachable(logger, StudyId, trialId, "the slot directory could not be reached: " + e.Message);
        }
    }

    /// <summary>
    /// Calls a trial with a placement hint, so a new activation of it lands on the silo whose slot it holds; null when
    /// the call failed (the silo could not be reached).
    /// </summary>
    private async Task<T?> CallOnSiloAsync<T>(string trialId, SiloAddress? silo, Func<ITrialGrain, Task<T>> call)
        where T : class
    {
        try
        {
            if (silo is not null)
            {
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            }

            return await call(GrainFactory.GetGrain<ITrialGrain>(trialId));
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

    private async Task CommandTrialsAsync(CommandTrialsEffect effect)
    {
        var results = await Task.WhenAll(effect.TrialIds.Select(async id => (Id: id, Result: await CallOnSiloAsync(id, null, effect.Command.SendAsync))));
        foreach (var (id, result) in results)
        {
            if (effect.ReportBack)
            {
                _core.OnCommandReturned(id, effect.Command, result);
            }
            else if (result is { Accepted: false })
            {
                Log.TrialUnreachable(logger, StudyId, id, result.Error ?? "refused");
            }
        }
    }

    private async Task ProbeAsync(ProbeTrialEffect probe)
    {
        try
        {
            if (probe.Silo is not null)
            {
                // Hinted like a start: a trial that does not exist yet must not be activated away from its slot.
                RequestContext.Set(IPlacementDirector.PlacementHintKey, probe.Silo);
            }

            var answer = await GrainFactory.GetGrain<ITrialGrain>(probe.TrialId).ProbeAsync();
            _core.OnTrialProbed(probe.TrialId, answer, reachable: true);
        }
        catch (Exception e)
        {
            Log.TrialUnreachable(logger, StudyId, probe.TrialId, e.Message);
            _core.OnTrialProbed(probe.TrialId, null, reachable: false);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private async Task<CommandResult?> StartRangeTestAsync(LearningRateRangeTestRequest request)
    {
        try
        {
            return await GrainFactory.GetGrain<ILearningRateRangeTestGrain>(StudyId).StartAsync(request);
        }
        catch (Exception e)
        {
            Log.StudyRangeTestFailed(logger, StudyId, 0, e.Message);
            return null;
        }
    }

    private async Task ProbeRangeTestAsync()
    {
        try
        {
            _core.OnRangeTestProbed(await GrainFactory.GetGrain<ILearningRateRangeTestGrain>(StudyId).GetStatusAsync(), reachable: true);
        }
        catch (Exception e)
        {
            Log.StudyRangeTestFailed(logger, StudyId, 0, e.Message);
            _core.OnRangeTestProbed(null, reachable: false);
        }
    }

    private void ArmTimers()
    {
        if (_core.State is StudyState.None || _core.State.IsFinished())
        {
            return;
        }

        var interval = recoveryOptions.Value.WatchInterval;
        _watch ??= this.RegisterGrainTimer(
            _ => WatchAsync(),
            new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        if (_deadline is null && _core.Deadline is { } deadline)
        {
            var due = deadline - time.GetUtcNow();
            _deadline = this.RegisterGrainTimer(
                _ => HandleAsync(c => c.OnDeadline()),
                new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    /// <summary>The watchdog's check, with membership as it is now and the silos that drain.</summary>
    private async Task WatchAsync()
    {
        ImmutableArray<SiloAddress> draining;
        try
        {
            draining = await GrainFactory.GetGrain<ISlotDirectoryGrain>(0).GetDrainingAsync();
        }
        catch (Exception e)
        {
            // Drains wait for the next check; recovery of lost trials does not.
            Log.TrialUnreachable(logger, StudyId, "-", "the slot directory could not be reached: " + e.Message);
            draining = [];
        }

        await HandleAsync(c => c.OnWatchTick(new MembershipStatusView(membership.CurrentSnapshot, draining)));
    }

    private void DisarmTimers()
    {
        _watch?.Dispose();
        _watch = null;
        _deadline?.Dispose();
        _deadline = null;
        _fillLater?.Dispose();
        _fillLater = null;
    }

    /// <summary>Lets a chain of effects run on after the call that started it returned; a failure is logged.</summary>
    private void Detach(Task chain) => _ = ObserveAsync(chain);

    private async Task ObserveAsync(Task chain)
    {
        try
        {
            await chain;
        }
        catch (Exception e)
        {
            Log.StudyEffectFailed(logger, StudyId, e.Message);
        }
    }
}
