using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;
using HyperTune.Search.Specs;

namespace HyperTune.Grains.Tests.Studies.Launching;

/// <summary>How a study starts its trials: several at once, written ahead, never more unfinished than it may have.</summary>
public sealed class TrialLauncherTests
{
    [Fact]
    public void Fill_BelowConcurrency_AsksForAPlaceForEachTrialItHasRoomFor()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 3));

        study.Core.Fill();
        study.Take();

        Assert.Equal(["s-0001", "s-0002", "s-0003"], study.Reservations.Select(r => r.TrialId));
        Assert.All(study.Reservations, r => Assert.Equal((SlotPurpose.Launch, SlotMode.FreeOrStandby, SlotKind.Real), (r.Purpose, r.Mode, r.Kind)));
    }

    [Fact]
    public void Fill_ItsBudgetSmallerThanItsRoom_AsksOnlyForTheBudget()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 2, concurrency: 8));

        study.Core.Fill();
        study.Take();

        Assert.Equal(2, study.Reservations.Count);
    }

    [Fact]
    public void Fill_SyntheticTrainable_ReservesASyntheticSlotAndStartsTheTrialWithItsTrainable()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1, extra: """, "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.5}"""));
        study.Core.Fill();
        study.Take();
        Assert.Equal(SlotKind.Synthetic, study.Reservations[0].Kind);

        var request = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA)).Request;

        Assert.Equal(TrainableSpec.Synthetic(0.5), request.Trainable);
    }

    [Fact]
    public void Fill_WhileItsRoomIsAskedFor_AsksForNothingMore()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 2));
        study.Core.Fill();
        study.Take();

        study.Core.Fill();
        study.Core.Fill();
        study.Take();

        Assert.Equal(2, study.Reservations.Count);
    }

    [Fact]
    public void SlotReserved_WritesTheTrialAheadWithItsSilo_ThenStartsIt()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1));
        study.Write();
        study.Core.Fill();
        study.Take();

        var effects = study.Answer(StudyHarness.SiloB).ToList();

        var persist = effects.FindIndex(e => e is PersistEffect { Urgent: true });
        var start = effects.FindIndex(e => e is StartTrialEffect);
        Assert.InRange(persist, 0, start - 1);
        var row = Assert.Single(study.Write()!.Trials);
        Assert.Equal(("s-0001", TrialState.Pending, StudyHarness.SiloB), (row.Snapshot.TrialId, row.Snapshot.State, row.Placement));
        var request = ((StartTrialEffect)effects[start]).Request;
        Assert.Equal((1, 5), (request.Number, request.MaxEpochs));
    }

    [Fact]
    public void ARefusedPlace_GivesItsNumberToTheNextTrial_SoNumbersHaveNoGaps()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 10, concurrency: 3));
        study.Core.Fill();
        study.Take();

        study.Answer(StudyHarness.SiloA);   // s-0001
        study.Answer(null);                 // s-0002 refused: the cluster is full
        var third = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));
        study.Core.OnTrialStartReturned(third, CommandResult.Ok);
        study.Core.Fill();
        study.Take();

        Assert.Equal("s-0003", third.TrialId);
        Assert.Equal("s-0002", Assert.Single(study.Reservations).TrialId);
        var second = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));
        Assert.Equal(2, second.Request.Number);
        Assert.Equal([1, 2, 3], study.Core.Trials().Select(t => t.Number));
    }

    [Fact]
    public void StartAccepted_StartsUpToTheConcurrency_ThenAsksOnlyForOneStandbyPlace()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 2));

        var started = study.LaunchAll();

        Assert.Equal(2, started.Count);
        Assert.Equal(2, study.Core.Snapshot().TrialCounts[TrialState.Pending]);
        study.Core.Fill();
        study.Take();
        var standby = Assert.Single(study.Reservations);
        Assert.Equal(SlotMode.StandbyOnly, standby.Mode);
    }

    [Fact]
    public void AtConcurrency_TheEndOfAnUnheardTrial_DoesNotLetMoreStart()
    {
        // The slot directory already freed the slots of trials that ended, but their end reports have not reached the
        // study: a study at its concurrency asks only for standby places, so it never runs ahead of what it heard.
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 1000, concurrency: 2));
        study.LaunchAll();
        study.Core.Fill();
        study.Take();
        Assert.Equal(SlotMode.StandbyOnly, Assert.Single(study.Reservations).Mode);

        // The directory grants one standby place; the next ask is refused (one standby per silo, both taken).
        var start = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));
        study.Core.OnTrialStartReturned(start, CommandResult.Ok);
        study.Take();
        Assert.Equal(SlotMode.StandbyOnly, Assert.Single(study.Reservations).Mode);
        study.Answer(null);

        Assert.Empty(study.Reservations);
        Assert.Empty(study.Take().OfType<FillEffect>());
        Assert.Equal(3, study.Core.Snapshot().TrialCounts[TrialState.Pending]);
    }

    [Fact]
    public void ReportsArriveWhileTheFillRuns_TheEndIsCountedAndItsRoomIsUsed()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 10, concurrency: 2));
        study.LaunchAll();
        study.Began("s-0001");
        study.Began("s-0002");
        study.Core.Fill();
        study.Take();
        Assert.Equal(SlotMode.StandbyOnly, Assert.Single(study.Reservations).Mode);

        // While the standby reservation for trial 3 is under way, trial 1 reports an epoch and ends: its room is asked for.
        study.Epoch("s-0001", 1, 0.5);
        study.End("s-0001", TrialState.Completed, 1);
        study.Take();
        Assert.Equal([("s-0003", SlotMode.StandbyOnly), ("s-0004", SlotMode.FreeOrStandby)], study.Reservations.Select(r => (r.TrialId, r.Mode)));

        study.Core.OnTrialStartReturned(study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA)), CommandResult.Ok);
        study.Core.OnTrialStartReturned(study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA)), CommandResult.Ok);

        Assert.Equal(TrialState.Completed, study.Trial("s-0001").State);
        Assert.Equal(3, study.Core.Snapshot().TrialCounts.Where(c => !c.Key.IsFinished()).Sum(c => c.Value));
    }

    [Fact]
    public void NoPlaceBelowConcurrency_AsksAgainAfterTheRetryInterval()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1));
        study.Core.Fill();
        study.Take();

        var effects = study.Answer(null);

        Assert.Equal(study.Options.SlotRetryInterval, study.Single<FillEffect>(effects).Delay);
    }

    [Fact]
    public void StartRefused_FailsTheTrial_AndReleasesItsSlot()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1));
        var start = study.LaunchOne(accept: false)!;

        study.Core.OnTrialStartReturned(start, CommandResult.InvalidArgument("unknown optimizer 'sgdx'"));

        var trial = study.Trial(start.TrialId);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Equal("could not start: unknown optimizer 'sgdx'", trial.Reason);
        Assert.Contains(study.Take(), e => e is ReleaseSlotEffect { TrialId: "s-0001" });
    }

    [Fact]
    public void StartUnreachable_LosesTheTrial_AndTheWatchdogRestartsItElsewhere()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1));
        var start = study.LaunchOne(accept: false)!;

        study.Core.OnTrialStartReturned(start, null);
        study.Take();
        study.Tick();

        var reserve = study.Core.TakeEffects().OfType<ReserveSlotEffect>().First(r => r.TrialId == "s-0001");
        Assert.Equal((SlotPurpose.Recovery, SlotMode.FreeSlot), (reserve.Purpose, reserve.Mode));
    }

    [Fact]
    public void StartAcceptedWhileThePauseRaced_PausesTheTrial()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1));
        var start = study.LaunchOne(accept: false)!;
        study.Core.Pause();
        study.Take();

        study.Core.OnTrialStartReturned(start, CommandResult.Ok);

        Assert.Contains(study.Take(), e => e is CommandTrialsEffect { Command: PauseTrial } c && c.TrialIds.Contains("s-0001"));
    }

    [Fact]
    public void ReservationAnsweredAfterThePause_IsReleased_AndItsNumberKept()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 1));
        study.Core.Fill();
        study.Take();
        study.Core.Pause();
        study.Take();

        var effects = study.Answer(StudyHarness.SiloA);

        Assert.Contains(effects, e => e is ReleaseSlotEffect { TrialId: "s-0001" });
        Assert.Empty(study.Core.Trials());
        study.Core.Resume();
        study.Core.Fill();
        study.Take();
        Assert.Equal("s-0001", Assert.Single(study.Reservations).TrialId);
    }

    [Fact]
    public void SearcherFinished_EndsTheStudyOnceItsTrialsEnd()
    {
        var study = new StudyHarness();
        study.Start("""
            { "name": "grid", "dataset": {"kind": "blobs", "samples": 100},
              "search_space": { "hidden_units": {"type": "choice", "values": [8, 16]} }, "searcher": {"kind": "grid"},
              "budget": {"max_trials": 10, "max_concurrent_trials": 4, "max_epochs_per_trial": 1} }
            """);
        var started = study.LaunchAll();
        Assert.Equal(2, started.Count);

        study.End("s-0001", TrialState.Completed, 1);
        study.End("s-0002", TrialState.Completed, 1);

        Assert.Equal(StudyState.Completed, study.Core.State);
    }
}
