using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Search.Randomness;
using HyperTune.Search.Values;

namespace HyperTune.Grains.Studies.Launching;

/// <summary>
/// Starts a study's trials, several at once when several places free up together, while the study has room.
/// Back-pressure: a study never has more unfinished trials than its concurrency, plus a standby place per busy silo
/// when its concurrency covers the cluster — whatever the slot directory says, because the directory may already have
/// freed the places of trials whose ends the study has not heard yet. Each start is written ahead (the trial's row,
/// Pending, with its silo) before the trial is called. A trial's number is taken when its place is asked for; a number
/// whose place was refused goes to the next trial, so numbers have no gaps. A fork (<see cref="ForkTrial"/>) gets its
/// number at once and takes the next place before any trial of the searcher.
/// </summary>
internal sealed class TrialLauncher(StudyContext context, StudyController owner)
{
    /// <summary>Reservations under way: trial id → its number, whether it asked for a standby place only, and the fork it starts.</summary>
    private readonly Dictionary<string, (int Number, bool StandbyOnly, ForkTrial? Fork)> _reserving = new(StringComparer.Ordinal);

    /// <summary>Forks with their numbers, waiting for a place, oldest first.</summary>
    private readonly List<(int Number, ForkTrial Fork)> _forks = [];

    /// <summary>Trials written ahead whose start call is under way.</summary>
    private readonly HashSet<string> _starting = new(StringComparer.Ordinal);

    /// <summary>Numbers of refused reservations, for the next trials.</summary>
    private readonly SortedSet<int> _freeNumbers = [];
    private int _nextNumber;
    private string? _releasing;
    private bool _retryArmed;

    /// <summary>True while a reservation or start is under way for <paramref name="trialId"/>.</summary>
    public bool IsLaunching(string trialId) => _reserving.ContainsKey(trialId) || _starting.Contains(trialId);

    /// <summary>True while a reservation or start is under way, or a fork waits for a place in a study that goes on.</summary>
    public bool Busy => _reserving.Count > 0 || _starting.Count > 0 || (_forks.Count > 0 && context.Header.State is Abstractions.Studies.StudyState.Running or Abstractions.Studies.StudyState.Paused);

    /// <summary>Forks waiting for a place.</summary>
    public int WaitingForks => _forks.Count;

    /// <summary>
    /// Takes a checked fork: it counts against the study's budget of trials (refused when that is spent), gets its number
    /// now and asks for the next place the study's concurrency allows, before any trial of the searcher.
    /// </summary>
    public TrialForkResult Fork(ForkTrial fork)
    {
        ArgumentNullException.ThrowIfNull(fork);
        var budget = context.Spec!.Budget;
        var created = context.Ledger.Count + _reserving.Count + _forks.Count;
        if (created >= budget.MaxTrials)
        {
            return TrialForkResult.Refused(CommandResult.InvalidState(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"The study's budget of {budget.MaxTrials} trials is spent ({created} created); a fork counts as a trial of the study.")));
        }

        var number = TakeNumber();
        _forks.Add((number, fork));
        Fill();
        return new TrialForkResult(CommandResult.Ok, TrialIds.Of(context.StudyId, number), fork.SourceEpoch, null);
    }

    /// <summary>A trial of the study ended: the next reservation frees its place first (one directory call, not two).</summary>
    public void Released(string trialId) => _releasing = trialId;

    /// <summary>
    /// Asks for a place for as many new trials as the study has room for (below its concurrency: a free slot or a
    /// standby place), or — at its concurrency, with nothing else under way — for one standby place only.
    /// </summary>
    public void Fill()
    {
        _retryArmed = false;
        if (!context.IsRunning || context.Search is null || owner.AwaitingRangeTest || (context.Header.SearcherFinished && _forks.Count == 0))
        {
            return;
        }

        if (owner.HasLostTrials)
        {
            // A lost trial keeps its place in the concurrency: a place that frees up is for it (it is asked again at
            // each fill and check), and no new trial starts — not even on standby — until it has been restarted.
            ArmRetry();
            return;
        }

        var budget = context.Spec!.Budget;
        var kind = SlotKinds.For(context.Spec.Trainable);
        // Waiting forks hold numbers of their own but are not in the ledger yet: they come out of what is left.
        var left = budget.MaxTrials - context.Ledger.Count - _reserving.Count;
        // A standby-only reservation is beyond the concurrency: it does not use the room.
        var room = budget.MaxConcurrentTrials - context.Ledger.UnfinishedCount - _reserving.Values.Count(r => !r.StandbyOnly);
        for (; room > 0 && left > 0; room--, left--)
        {
            if (!ReserveNext(SlotMode.FreeOrStandby, budget.MaxConcurrentTrials, kind))
            {
                return;
            }
        }

        if (room <= 0 && left > 0 && _reserving.Count == 0 && _starting.Count == 0)
        {
            ReserveNext(SlotMode.StandbyOnly, budget.MaxConcurrentTrials, kind);
        }
    }

    /// <summary>The directory answered a launch reservation: the trial is suggested, written ahead and started.</summary>
    public void OnSlotReserved(string trialId, SiloAddress? silo)
    {
        if (!_reserving.Remove(trialId, out var reservation))
        {
            if (silo is not null)
            {
                context.Effects.Add(new ReleaseSlotEffect(trialId));
            }

            return;
        }

        if (reservation.Fork is { } waiting && (silo is null || !context.IsRunning || context.Search is null))
        {
            // No place yet, or paused meanwhile: the fork keeps its number and goes first again.
            _forks.Insert(0, (reservation.Number, waiting));
            if (silo is not null)
            {
                context.Effects.Add(new ReleaseSlotEffect(trialId));
            }
            else if (context.IsRunning)
            {
                ArmRetry();
            }

            return;
        }

        if (silo is null)
        {
            _freeNumbers.Add(reservation.Number);
            if (!reservation.StandbyOnly && context.IsRunning)
            {
                // Below its concurrency and no place anywhere: the cluster is full, ask again soon. At its concurrency
                // the next end of one of its own trials starts the next one.
                Log.WaitingForSlot(context.Logger, context.StudyId, context.Spec!.Budget.MaxTrials - context.Ledger.Count);
                ArmRetry();
            }

            return;
        }

        if (!context.IsRunning || context.Search is null)
        {
            // Paused or stopped while the reservation was under way.
            _freeNumbers.Add(reservation.Number);
            context.Effects.Add(new ReleaseSlotEffect(trialId));
            return;
        }

        if (reservation.Fork is { } fork)
        {
            Launch(trialId, reservation.Number, fork.Config, silo, fork);
            return;
        }

        var suggestion = context.Search.Suggest(trialId);
        if (!suggestion.HasConfig)
        {
            _freeNumbers.Add(reservation.Number);
            context.Effects.Add(new ReleaseSlotEffect(trialId));
            if (suggestion.Status == Search.Searchers.SuggestStatus.Finished)
            {
                context.Header.SearcherFinished = true;
                context.HeaderDirty = true;
                context.Effects.Add(PersistEffect.Soon);
                owner.CheckCompletion();
            }
            else
            {
                ArmRetry();
            }

            return;
        }

        Launch(trialId, reservation.Number, suggestion.Config, silo, null);
    }

    /// <summary>Writes the trial ahead, Pending on <paramref name="silo"/>, and starts it.</summary>
    private void Launch(string trialId, int number, TrialConfig config, SiloAddress silo, ForkTrial? fork)
    {
        var request = RequestFor(number, config) with { Fork = fork?.Origin };
        var pending = new TrialSnapshot(
            trialId, context.StudyId, number, TrialState.Pending, null, request.Config, 0, request.MaxEpochs,
            ImmutableDictionary<string, double>.Empty, double.NaN, string.Empty, null, null, 0)
        {
            ForkedFrom = request.Fork,
        };
        context.Ledger.Add(pending, silo);
        _starting.Add(trialId);
        // The scheduler hears of the trial first: its first reports may arrive while the start call is under way.
        context.Search!.OnTrialAdded(trialId, request.Config);
        owner.Heard(trialId);
        // Write-ahead: were the study to go down after the trial started but before it wrote, its next activation would
        // hand the same number to a new suggestion, which the started trial refuses.
        context.Effects.Add(PersistEffect.Now);
        context.Effects.Add(new StartTrialEffect(trialId, silo, request));
        context.Effects.Add(NotifyStudyEffect.Instance);
    }

    /// <summary>A start call returned (null: the silo could not be reached); the next trial is started when there is room.</summary>
    public void OnTrialStartReturned(string trialId, SiloAddress silo, CommandResult? result)
    {
        _starting.Remove(trialId);

        if (context.Ledger.Find(trialId) is { IsFinished: false } trial)
        {
            if (result is null)
            {
                // Not the config's fault: the silo may be dying. The watchdog starts the trial elsewhere once
                // membership has caught up.
                context.Effects.Add(new ReleaseSlotEffect(trialId));
                context.Ledger.Update(trial, t => (t.Lost, t.Placement) = ("its silo could not be reached to start it", null));
            }
            else if (!result.Accepted)
            {
                context.Effects.Add(new ReleaseSlotEffect(trialId));
                owner.Finish(trial, context.Ledger.Fail(trial, "could not start: " + result.Error, context.Now), failed: true, finalMetrics: null);
            }
            else
            {
                context.Ledger.Update(trial, t => t.Placement = silo);
                owner.Heard(trialId);
            }

            context.Effects.Add(PersistEffect.Soon);
        }

        Fill();
        owner.CheckCompletion();
    }

    /// <summary>What a trial of number <paramref name="number"/> is started with.</summary>
    public TrialStartRequest RequestFor(int number, TrialConfig config)
    {
        var spec = context.Spec!;
        var epochs = Math.Min(spec.Budget.EpochsFor(config), context.Search?.MaxEpochs ?? int.MaxValue);
        return new TrialStartRequest(context.StudyId, number, config, spec.Dataset, epochs, spec.CheckpointInterval, TrialSeeds.ForTrial(spec.Seed, number))
        {
            Objective = spec.Objective,
            Trainable = spec.Trainable,
            TraceParent = context.Header.TraceParent,
        };
    }

    /// <summary>Asks for a place for the oldest waiting fork, else for the searcher's next trial; false when neither has one to ask for.</summary>
    private bool ReserveNext(SlotMode mode, int concurrency, SlotKind kind)
    {
        if (_forks.Count > 0)
        {
            var (number, fork) = _forks[0];
            _forks.RemoveAt(0);
            Reserve(mode, concurrency, kind, number, fork);
            return true;
        }

        if (context.Header.SearcherFinished)
        {
            return false;
        }

        Reserve(mode, concurrency, kind, TakeNumber(), null);
        return true;
    }

    /// <summary>The lowest number no trial has: a refused reservation's, else the next.</summary>
    private int TakeNumber()
    {
        if (_nextNumber < context.Ledger.NextNumber)
        {
            _nextNumber = context.Ledger.NextNumber;
        }

        if (_freeNumbers.Count > 0)
        {
            var number = _freeNumbers.Min;
            _freeNumbers.Remove(number);
            return number;
        }

        return _nextNumber++;
    }

    private void Reserve(SlotMode mode, int concurrency, SlotKind kind, int number, ForkTrial? fork)
    {
        var trialId = TrialIds.Of(context.StudyId, number);
        _reserving[trialId] = (number, mode == SlotMode.StandbyOnly, fork);
        var releasing = _releasing;
        _releasing = null;
        context.Effects.Add(new ReserveSlotEffect(trialId, SlotPurpose.Launch, mode, concurrency, releasing, kind));
    }

    private void ArmRetry()
    {
        if (!_retryArmed)
        {
            _retryArmed = true;
            context.Effects.Add(new FillEffect(context.Options.SlotRetryInterval));
        }
    }
}
