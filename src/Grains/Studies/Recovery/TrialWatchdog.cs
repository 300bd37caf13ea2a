using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Studies.Ledger;

namespace HyperTune.Grains.Studies.Recovery;

/// <summary>
/// Looks after a study's unfinished trials. At every check it finds the lost ones — their silo died or left the
/// cluster, their activation was lost (a probe finds no thread training them), their start never reached them, or
/// they reported nothing for the report timeout — and restarts them from their latest checkpoint on a free slot, at
/// most <see cref="StudyRecoveryOptions.MaxRetries"/> times; a trial whose silo died under it too often is failed as a
/// suspected crasher. Quiet trials (and every trial, at the first check of an activation) are probed: their end may
/// have been reported to an activation of the study that died.
/// </summary>
internal sealed class TrialWatchdog(StudyContext context, StudyController owner)
{
    private readonly Dictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastProbed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _silosMissing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _probing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _recovering = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
    private readonly DrainMoves _moves = new(context);
    private ISiloStatusView? _members;
    private bool _reconcileAll = true;

    private StudyRecoveryOptions Options => context.Recovery;

    /// <summary>A trial was heard from now.</summary>
    public void Heard(string trialId) => _lastHeard[trialId] = context.Now;

    /// <summary>A trial finished: nothing more to watch.</summary>
    public void Forget(string trialId)
    {
        _lastHeard.Remove(trialId);
        _lastProbed.Remove(trialId);
        _silosMissing.Remove(trialId);
        _probing.Remove(trialId);
        _recovering.Remove(trialId);
        _refused.Remove(trialId);
        _moves.Forget(trialId);
    }

    /// <summary>True while a restart of <paramref name="trialId"/> is under way.</summary>
    public bool IsRecovering(string trialId) => _recovering.ContainsKey(trialId) || _moves.IsMoving(trialId);

    /// <summary>
    /// True while a lost trial of the study waits to be restarted. It holds its place in the study's concurrency: no new
    /// trial starts until it has been restarted, so a place that frees up goes to it, not to a newcomer.
    /// </summary>
    public bool HasLostTrials => context.Ledger.Unfinished.Any(t => t.Lost is not null);

    /// <summary>Asks again for a place for each lost trial that is not being restarted (a place may just have freed up).</summary>
    public void RetryLost()
    {
        foreach (var trial in context.Ledger.Unfinished.ToArray())
        {
            if (trial.Lost is { } reason && !trial.IsFinished && !_recovering.ContainsKey(trial.TrialId) && !_moves.IsMoving(trial.TrialId) && !owner.IsLaunching(trial.TrialId))
            {
                Recover(trial, reason);
            }
        }
    }

    /// <summary>The check: finds lost trials and restarts them, and probes the quiet ones.</summary>
    public void OnTick(ISiloStatusView members)
    {
        var now = context.Now;
        _members = members;
        foreach (var trial in context.Ledger.Unfinished.ToArray())
        {
            var id = trial.TrialId;
            if (owner.IsLaunching(id) || _recovering.ContainsKey(id) || _moves.IsMoving(id) || trial.IsFinished)
            {
                continue;
            }

            if (trial.Lost is { } known)
            {
                Recover(trial, known);
                continue;
            }

            if (LostBecause(trial, members, now) is { } lost)
            {
                if (lost.GiveUp)
                {
                    owner.GiveUp(trial, lost.Reason);
                }
                else
                {
                    Lose(trial, lost.Reason);
                }

                continue;
            }

            if (trial.Placement is { } drained && members.StatusOf(drained) == SiloStatus.Active
                && _moves.Decide(trial, members.IsDraining(drained)) is { } move)
            {
                MoveOff(trial, drained, move);
                continue;
            }

            if (trial.Placement is { } silo && members.StatusOf(silo) == SiloStatus.Active && !_probing.Contains(id)
                && (_reconcileAll || (Quiet(_lastHeard, id, now) && Quiet(_lastProbed, id, now))))
            {
                _probing.Add(id);
                _lastProbed[id] = now;
                context.Effects.Add(new ProbeTrialEffect(id, silo));
            }
        }

        _reconcileAll = false;
    }

    /// <summary>
    /// A probe returned: a finished trial's end is taken as if reported; an unfinished one that no thread trains is lost;
    /// a trial whose start never reached it is started again.
    /// </summary>
    public void OnProbed(string trialId, TrialProbe? probe, bool reachable)
    {
        _probing.Remove(trialId);
        if (context.Ledger.Find(trialId) is not { IsFinished: false } trial || !reachable || _recovering.ContainsKey(trialId) || _moves.IsMoving(trialId) || owner.IsLaunching(trialId))
        {
            return;
        }

        if (probe is null)
        {
            Lose(trial, trial.Snapshot.StartedAt is null ? "its start never reached it" : "its stored state is gone");
            return;
        }

        var status = probe.Status;
        if (status.State.IsFinished())
        {
            owner.OnTrialEnded(EndedFrom(status));
            return;
        }

        if (_refused.Remove(trialId, out var refusal))
        {
            owner.GiveUp(trial, refusal);
            return;
        }

        if (!probe.Training)
        {
            Lose(trial, "its training stopped: its activation was lost with a silo");
            return;
        }

        // Alive, and trained by a thread; whether it makes progress is the report timeout's question.
        if (status.Attempt >= trial.Snapshot.Attempt && status.State != trial.Snapshot.State && context.Ledger.ApplyChanged(status) is { } changed)
        {
            context.Effects.Add(new NotifyTrialEffect(changed));
            context.Effects.Add(PersistEffect.Soon);
        }
    }

    /// <summary>A trial stored a checkpoint: on a draining silo, that is when it moves.</summary>
    public void OnCheckpoint(string trialId, int epoch)
    {
        _moves.Checkpointed(trialId, epoch);
        if (_members is { } members && context.Ledger.Find(trialId) is { IsFinished: false, Lost: null, Placement: { } silo } trial
            && !owner.IsLaunching(trialId) && !_recovering.ContainsKey(trialId)
            && members.StatusOf(silo) == SiloStatus.Active && _moves.Decide(trial, members.IsDraining(silo)) is { } move)
        {
            MoveOff(trial, silo, move);
        }
    }

    /// <summary>
    /// The trial's run on its draining silo ended: it is lost for a reason that costs it no retry, and recovers on
    /// another silo from its latest checkpoint. Unreachable, it is tried again at the next check.
    /// </summary>
    public void OnMovedOff(string trialId, string reason, CommandResult? result)
    {
        _moves.Moved(trialId);
        if (context.Ledger.Find(trialId) is not { IsFinished: false } trial || result is null)
        {
            return;
        }

        if (!result.Accepted)
        {
            // It ended meanwhile, or its state is gone: the trial's own status tells.
            _probing.Add(trialId);
            context.Effects.Add(new ProbeTrialEffect(trialId, null));
            return;
        }

        _moves.Forget(trialId);
        context.Ledger.Update(trial, t => t.Moves++);
        Lose(trial, reason);
    }

    private void MoveOff(LedgerTrial trial, SiloAddress silo, string reason)
    {
        Log.TrialMovingOff(context.Logger, context.StudyId, trial.TrialId, reason);
        context.Effects.Add(new MoveOffTrialEffect(trial.TrialId, silo, reason));
    }

    /// <summary>Marks a trial lost and starts its recovery.</summary>
    public void Lose(LedgerTrial trial, string reason)
    {
        context.Ledger.Update(trial, t => t.Lost = reason);
        context.Effects.Add(PersistEffect.Soon);
        Recover(trial, reason);
    }

    /// <summary>
    /// Restarts a lost trial: reserves a free slot for it (the restart follows when one is found), or ends it when it has
    /// used its retries or its study is stopping.
    /// </summary>
    private void Recover(LedgerTrial trial, string reason)
    {
        if (context.Header.State is StudyState.Stopping || context.Header.State.IsFinished())
        {
            // Nothing to restart for: it ends as the study asked its trials to.
            owner.Finish(trial, context.Ledger.Finish(trial, EndedFrom(trial.Snapshot with { State = TrialState.Stopped, Reason = "the study was stopped while the trial was lost: " + reason, EndedAt = context.Now })), failed: false, finalMetrics: null);
            return;
        }

        // Moves off draining silos count as attempts, not as retries.
        var attempt = trial.Retries + 1;
        if (attempt - trial.Moves > Options.MaxRetries)
        {
            owner.GiveUp(trial, Options.MaxRetries == 0 ? reason : $"{reason} (gave up after {Options.MaxRetries} retries)");
            return;
        }

        Log.TrialLost(context.Logger, context.StudyId, trial.TrialId, reason, attempt, Options.MaxRetries);
        _recovering[trial.TrialId] = attempt;
        var spec = context.Spec!;
        context.Effects.Add(new ReserveSlotEffect(trial.TrialId, SlotPurpose.Recovery, SlotMode.FreeSlot, spec.Budget.MaxConcurrentTrials, null, SlotKinds.For(spec.Trainable)));
    }

    /// <summary>The directory answered a recovery reservation.</summary>
    public void OnSlotReserved(string trialId, SiloAddress? silo)
    {
        if (!_recovering.TryGetValue(trialId, out var attempt) || context.Ledger.Find(trialId) is not { IsFinished: false, Lost: { } reason } trial)
        {
            _recovering.Remove(trialId);
            if (silo is not null)
            {
                context.Effects.Add(new ReleaseSlotEffect(trialId));
            }

            return;
        }

        if (silo is null)
        {
            // No free slot now: it stays lost and is tried again at the next check.
            _recovering.Remove(trialId);
            return;
        }

        var paused = context.Header.State == StudyState.Paused || trial.Snapshot.State == TrialState.Paused;
        context.Effects.Add(new RecoverTrialEffect(trialId, silo, new TrialRecovery(reason, attempt, paused) { Silo = silo }));
    }

    /// <summary>A restart call returned (null: the silo could not be reached).</summary>
    public void OnRecoverReturned(string trialId, SiloAddress silo, TrialRecovery recovery, CommandResult? result)
    {
        _recovering.Remove(trialId);
        if (context.Ledger.Find(trialId) is not { IsFinished: false } trial)
        {
            return;
        }

        if (result is null || result.Kind == CommandError.Elsewhere)
        {
            // Unreachable, or an activation on another silo answered (and leaves): it stays lost, tried again at the next check.
            context.Effects.Add(new ReleaseSlotEffect(trialId));
            return;
        }

        if (result.Kind == CommandError.NotFound)
        {
            // Its start never reached storage: start it afresh, with the config the searcher gave it.
            context.Ledger.Update(trial, t => (t.Lost, t.Placement, t.Retries) = (null, silo, recovery.Attempt));
            Heard(trialId);
            context.Effects.Add(PersistEffect.Now);
            context.Effects.Add(new StartTrialEffect(trialId, silo, owner.RequestFor(trial)));
            return;
        }

        if (!result.Accepted)
        {
            context.Effects.Add(new ReleaseSlotEffect(trialId));
            var refusal = $"{recovery.Reason}; it could not be restarted: {result.Error}";
            if (result.Kind == CommandError.InvalidState)
            {
                // It may have ended, and the study missed the report (it went down with a silo): ask the trial.
                _refused[trialId] = refusal;
                _probing.Add(trialId);
                context.Effects.Add(new ProbeTrialEffect(trialId, null));
            }
            else if (result.Kind == CommandError.InvalidArgument)
            {
                owner.GiveUp(trial, refusal);
            }

            return;
        }

        var known = trial.Snapshot;
        context.Ledger.Update(trial, t => (t.Lost, t.Retries, t.Placement) = (null, recovery.Attempt, silo));
        _silosMissing.Remove(trialId);
        Heard(trialId);
        if (known.Attempt < recovery.Attempt)
        {
            // Pending until the new run gets its slot on the silo (the trial reports Running then), as on a first start.
            var restarted = known with { State = recovery.Paused ? TrialState.Paused : TrialState.Pending, Reason = null, EndedAt = null, Attempt = recovery.Attempt };
            context.Ledger.Replace(trial, restarted);
            context.Effects.Add(new NotifyTrialEffect(restarted));
        }

        context.Effects.Add(PersistEffect.Soon);
    }

    /// <summary>Why a trial is lost now, and whether it is given up rather than restarted; null when it is fine.</summary>
    private (string Reason, bool GiveUp)? LostBecause(LedgerTrial trial, ISiloStatusView members, DateTimeOffset now)
    {
        var id = trial.TrialId;
        var name = string.IsNullOrEmpty(trial.Snapshot.Silo) ? trial.Placement?.ToString() : trial.Snapshot.Silo;
        if (trial.Placement is not { } silo)
        {
            return ("it holds no training place", false);
        }

        switch (members.StatusOf(silo))
        {
            case SiloStatus.Dead:
                return SiloDied(trial, $"its silo {name} died");
            case SiloStatus.None when !_silosMissing.Add(id):
                return SiloDied(trial, $"its silo {name} is no longer in the cluster");
            case SiloStatus.None:
                return null;
            default:
                _silosMissing.Remove(id);
                break;
        }

        if (!_lastHeard.TryGetValue(id, out var heard))
        {
            _lastHeard[id] = heard = now;
        }

        return trial.Snapshot.State == TrialState.Running && context.IsRunning && now - heard > Options.ReportTimeout
            ? ($"it reported nothing for {Options.ReportTimeout}", false)
            : null;
    }

    /// <summary>True when nothing was heard from (or asked of) the trial for three checks.</summary>
    private bool Quiet(Dictionary<string, DateTimeOffset> times, string trialId, DateTimeOffset now) =>
        !times.TryGetValue(trialId, out var at) || now - at > 3 * Options.WatchInterval;

    /// <summary>Counts a silo death under a trial that trained; too many make it a suspected crasher, given up.</summary>
    private (string Reason, bool GiveUp) SiloDied(LedgerTrial trial, string reason)
    {
        if (trial.Snapshot.StartedAt is null)
        {
            return (reason, false);
        }

        context.Ledger.Update(trial, t => t.SiloCrashes++);
        return Options.MaxSiloCrashes > 0 && trial.SiloCrashes >= Options.MaxSiloCrashes
            ? ($"{reason}; suspected of crashing its silo: the silo it trained on died {trial.SiloCrashes} times while it trained", true)
            : (reason, false);
    }

    /// <summary>The end of a trial as its own (finished) status tells it.</summary>
    private TrialEnded EndedFrom(TrialSnapshot status) => new(
        context.StudyId, status.TrialId, status.State, status.Reason, status.Epoch, status.Metrics, status.TrainingSeconds,
        status.EndedAt ?? context.Now, status.LastCheckpointEpoch, status.Silo)
    {
        StartedAt = status.StartedAt,
    };
}
