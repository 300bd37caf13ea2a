using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;
using HyperTune.Search.Specs;

namespace HyperTune.Grains.Tests.Studies.Launching;

/// <summary>How a study starts its trials: one at a time, written ahead, never more unfinished than it may have.</summary>
public sealed class TrialLauncherTests
{
    [Fact]
    public void Fill_BelowConcurrency_ReservesAFreeSlotOrStandbyPlace()
    {
        var study = new StudyHarness();
        study.Start();

        study.Core.Fill();

        var reserve = study.Single<ReserveSlotEffect>(study.Take());
        Assert.Equal(("s-0001", SlotPurpose.Launch, SlotMode.FreeOrStandby), (reserve.TrialId, reserve.Purpose, reserve.Mode));
    }

    [Fact]
    public void Fill_SyntheticTrainable_ReservesASyntheticSlotAndStartsTheTrialWithItsTrainable()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(extra: """, "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.5}"""));
        study.Core.Fill();
        var reserve = study.Single<ReserveSlotEffect>(study.Take());

        study.Core.OnSlotReserved(reserve, StudyHarness.SiloA);

        Assert.Equal(SlotKind.Synthetic, reserve.Kind);
        var request = study.Single<StartTrialEffect>(study.Take()).Request;
        Assert.Equal(TrainableSpec.Synthetic(0.5), request.Trainable);
    }

    [Fact]
    public void Fill_MlpTrainable_ReservesARealSlot()
    {
        var study = new StudyHarness();
        study.Start();
        study.Core.Fill();

        Assert.Equal(SlotKind.Real, study.Single<ReserveSlotEffect>(study.Take()).Kind);
    }

    [Fact]
    public void Fill_WhileAReservationIsUnderWay_AsksForNothingMore()
    {
        var study = new StudyHarness();
        study.Start();
        study.Core.Fill();
        study.Take();

        study.Core.Fill();
        study.Core.Fill();

        Assert.Empty(study.Take().OfType<ReserveSlotEffect>());
    }

    [Fact]
    public void SlotReserved_WritesTheTrialAheadWithItsSilo_ThenStartsIt()
    {
        var study = new StudyHarness();
        study.Start();
        study.Write();
        study.Core.Fill();
        var reserve = study.Single<ReserveSlotEffect>(study.Take());

        study.Core.OnSlotReserved(reserve, StudyHarness.SiloB);

        var effects = study.Take();
        var persist = effects.ToList().FindIndex(e => e is PersistEffect { Urgent: true });
        var start = effects.ToList().FindIndex(e => e is StartTrialEffect);
        Assert.InRange(persist, 0, start - 1);
        var row = Assert.Single(study.Write()!.Trials);
        Assert.Equal(("s-0001", TrialState.Pending, StudyHarness.SiloB), (row.Snapshot.TrialId, row.Snapshot.State, row.Placement));
        var request = ((StartTrialEffect)effects[start]).Request;
        Assert.Equal((1, 5), (request.Number, request.MaxEpochs));
    }

    [Fact]
    public void StartAccepted_StartsTheNextUntilTheConcurrency_ThenOnlyAsStandby()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 2));

        var started = study.LaunchAll();

        Assert.Equal(2, started.Count);
        // At its concurrency the study asked once more, for a standby place only, which the directory refused.
        Assert.Equal(2, study.Core.Snapshot().TrialCounts[TrialState.Pending]);
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
        var reserve = study.Single<ReserveSlotEffect>(study.Take());
        Assert.Equal(SlotMode.StandbyOnly, reserve.Mode);

        // The directory grants one standby place; the next ask is refused (one standby per silo, both taken).
        study.Core.OnSlotReserved(reserve, StudyHarness.SiloA);
        study.Core.OnTrialStartReturned(study.Single<StartTrialEffect>(study.Take()), CommandResult.Ok);
        var next = study.Single<ReserveSlotEffect>(study.Take());
        Assert.Equal(SlotMode.StandbyOnly, next.Mode);
        study.Core.OnSlotReserved(next, null);

        Assert.Empty(study.Take().OfType<ReserveSlotEffect>());
        Assert.Empty(study.Take().OfType<FillEffect>());
        Assert.Equal(3, study.Core.Snapshot().TrialCounts[TrialState.Pending]);
    }

    [Fact]
    public void ReportsArriveWhileTheFillRuns_TheEndIsCountedAndTheNextStartUsesItsRoom()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 10, concurrency: 2));
        study.LaunchAll();
        study.Began("s-0001");
        study.Began("s-0002");
        study.Core.Fill();
        var standby = study.Single<ReserveSlotEffect>(study.Take());

        // While the reservation for trial 3 is under way, trial 1 reports an epoch and ends.
        study.Epoch("s-0001", 1, 0.5);
        study.End("s-0001", TrialState.Completed, 1);
        Assert.Empty(study.Take().OfType<ReserveSlotEffect>());

        study.Core.OnSlotReserved(standby, StudyHarness.SiloA);
        var start = study.Single<StartTrialEffect>(study.Take());
        Assert.Equal("s-0003", start.TrialId);
        study.Core.OnTrialStartReturned(start, CommandResult.Ok);

        // Trial 1's end freed room: the next ask is below the concurrency again.
        var next = study.Single<ReserveSlotEffect>(study.Take());
        Assert.Equal(("s-0004", SlotMode.StandbyOnly), (next.TrialId, next.Mode));
        Assert.Equal(TrialState.Completed, study.Trial("s-0001").State);
    }

    [Fact]
    public void NoPlaceBelowConcurrency_AsksAgainAfterTheRetryInterval()
    {
        var study = new StudyHarness();
        study.Start();
        study.Core.Fill();

        study.Core.OnSlotReserved(study.Single<ReserveSlotEffect>(study.Take()), null);

        Assert.Equal(study.Options.SlotRetryInterval, study.Single<FillEffect>(study.Take()).Delay);
    }

    [Fact]
    public void StartRefused_FailsTheTrial_AndReleasesItsSlot()
    {
        var study = new StudyHarness();
        study.Start();
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
        study.Start();
        var start = study.LaunchOne(accept: false)!;

        study.Core.OnTrialStartReturned(start, null);
        study.Take();
        study.Tick();

        var reserve = study.Take().OfType<ReserveSlotEffect>().First(r => r.TrialId == "s-0001");
        Assert.Equal((SlotPurpose.Recovery, SlotMode.FreeSlot), (reserve.Purpose, reserve.Mode));
    }

    [Fact]
    public void StartAcceptedWhileThePauseRaced_PausesTheTrial()
    {
        var study = new StudyHarness();
        study.Start();
        var start = study.LaunchOne(accept: false)!;
        study.Core.Pause();
        study.Take();

        study.Core.OnTrialStartReturned(start, CommandResult.Ok);

        Assert.Contains(study.Take(), e => e is CommandTrialsEffect { Command: Grains.Studies.Commands.PauseTrial } c && c.TrialIds.Contains("s-0001"));
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

        Assert.Equal(Abstractions.Studies.StudyState.Completed, study.Core.State);
    }
}
