using System.Collections.Immutable;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Studies.Control;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Search.Randomness;
using HyperTune.Search.Values;

namespace HyperTune.Grains.Studies.Launching;

/// <summary>
/// Starts a study's trials: one at a time, while the study has room. Back-pressure: a study never has more unfinished
/// trials than its concurrency, plus a standby place per busy silo when its concurrency covers the cluster — whatever
/// the slot directory says, because the directory may already have freed the places of trials whose ends the study has
/// not heard yet. Each start is written ahead (the trial's row, Pending, with its silo) before the trial is called.
/// </summary>
internal sealed class TrialLauncher(StudyContext context, StudyController owner)
{
    private string? _launching;
    private string? _releasing;
    private bool _retryArmed;

    /// <summary>True while a reservation or start is under way for <paramref name="trialId"/>.</summary>
    public bool IsLaunching(string trialId) => string.Equals(_launching, trialId, StringComparison.Ordinal);

    /// <summary>True while a reservation or start is under way.</summary>
    public bool Busy => _launching is not null;

    /// <summary>A trial of the study ended: the next reservation frees its place first (one directory call, not two).</summary>
    public void Released(string trialId) => _releasing = trialId;

    /// <summary>Starts the next trial when the study has room, budget and no start under way.</summary>
    public void Fill()
    {
        _retryArmed = false;
        if (_launching is not null || !context.IsRunning || context.Search is null || owner.AwaitingRangeTest)
        {
            return;
        }

        var budget = context.Spec!.Budget;
        if (context.Header.SearcherFinished || context.Ledger.Count >= budget.MaxTrials)
        {
            return;
        }

        var mode = context.Ledger.UnfinishedCount < budget.MaxConcurrentTrials ? SlotMode.FreeOrStandby : SlotMode.StandbyOnly;
        _launching = TrialIds.Of(context.StudyId, context.Ledger.NextNumber);
        var releasing = _releasing;
        _releasing = null;
        context.Effects.Add(new ReserveSlotEffect(_launching, SlotPurpose.Launch, mode, budget.MaxConcurrentTrials, releasing, SlotKinds.For(context.Spec!.Trainable)));
    }

    /// <summary>The directory answered a launch reservation: the trial is suggested, written ahead and started.</summary>
    public void OnSlotReserved(string trialId, SiloAddress? silo)
    {
        if (!IsLaunching(trialId))
        {
            if (silo is not null)
            {
                context.Effects.Add(new ReleaseSlotEffect(trialId));
            }

            return;
        }

        if (silo is null)
        {
            _launching = null;
            if (context.IsRunning && context.Ledger.UnfinishedCount < context.Spec!.Budget.MaxConcurrentTrials)
            {
                // Below its concurrency and no place anywhere: the cluster is full, ask again soon. At its concurrency
                // the next end of one of its own trials starts the next one.
                Log.WaitingForSlot(context.Logger, context.StudyId, context.Spec.Budget.MaxTrials - context.Ledger.Count);
                ArmRetry();
            }

            return;
        }

        if (!context.IsRunning || context.Search is null)
        {
            // Paused or stopped while the reservation was under way.
            _launching = null;
            context.Effects.Add(new ReleaseSlotEffect(trialId));
            return;
        }

        var suggestion = context.Search.Suggest(trialId);
        if (!suggestion.HasConfig)
        {
            _launching = null;
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

        var number = context.Ledger.NextNumber;
        var request = RequestFor(number, suggestion.Config);
        var pending = new TrialSnapshot(
            trialId, context.StudyId, number, TrialState.Pending, null, request.Config, 0, request.MaxEpochs,
            ImmutableDictionary<string, double>.Empty, double.NaN, string.Empty, null, null, 0);
        context.Ledger.Add(pending, silo);
        // The scheduler hears of the trial first: its first reports may arrive while the start call is under way.
        context.Search.OnTrialAdded(trialId, request.Config);
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
        if (IsLaunching(trialId))
        {
            _launching = null;
        }

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
        };
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
