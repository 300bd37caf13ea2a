using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;

namespace HyperTune.Grains.Tests.Studies.Recovery;

/// <summary>How a study finds its lost trials and restarts them, state by state.</summary>
public sealed class TrialWatchdogTests
{
    private static StudyHarness RunningStudy(out string trialId, bool began = true, StudyRecoveryOptions? recovery = null)
    {
        var study = new StudyHarness(recovery: recovery);
        study.Start(StudyHarness.Spec(maxTrials: 1, concurrency: 1));
        trialId = study.LaunchOne()!.TrialId;
        if (began)
        {
            study.Began(trialId);
        }

        study.Take();
        return study;
    }

    /// <summary>Answers the recovery the watchdog asks for: a slot on <paramref name="silo"/>, then the trial's answer.</summary>
    private static RecoverTrialEffect Recover(StudyHarness study, SiloAddress silo, CommandResult? answer)
    {
        var reserve = study.Take().OfType<ReserveSlotEffect>().Single(r => r.Purpose == SlotPurpose.Recovery);
        Assert.Equal(SlotMode.FreeSlot, reserve.Mode);
        study.Core.OnSlotReserved(reserve, silo);
        var recover = study.Single<RecoverTrialEffect>(study.Take());
        study.Core.OnTrialRecoverReturned(recover, answer);
        return recover;
    }

    [Fact]
    public void LostTrialWaitingForASlot_AnotherTrialEnds_TheLostOneTakesThePlaceBeforeANewTrial()
    {
        // The chaos test's finding: a lost trial found no free slot while new trials kept taking the places that freed up,
        // so the study trained more trials than its concurrency and the lost one stood still.
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 10, concurrency: 2));
        var first = study.LaunchOne(StudyHarness.SiloA)!.TrialId;
        var second = study.LaunchOne(StudyHarness.SiloB)!.TrialId;
        study.Began(first);
        study.Began(second);
        study.Take();
        study.Members[StudyHarness.SiloB] = SiloStatus.Dead;
        study.Tick();
        var refused = study.Take().OfType<ReserveSlotEffect>().Single(r => r.Purpose == SlotPurpose.Recovery);
        study.Core.OnSlotReserved(refused, null);
        study.Take();

        study.Epoch(first, 1, 0.5);
        study.End(first, TrialState.Completed, 1);
        study.Core.Fill();
        var effects = study.Take();

        var reserve = Assert.Single(effects.OfType<ReserveSlotEffect>());
        Assert.Equal((SlotPurpose.Recovery, second), (reserve.Purpose, reserve.TrialId));
        study.Core.OnSlotReserved(reserve, StudyHarness.SiloA);
        study.Core.OnTrialRecoverReturned(study.Single<RecoverTrialEffect>(study.Take()), CommandResult.Ok);
        study.Take();

        // Restarted: the study has room again for one new trial.
        study.Core.Fill();
        Assert.Contains(study.Take(), e => e is ReserveSlotEffect { Purpose: SlotPurpose.Launch });
    }

    [Fact]
    public void LostTrialWaitingForASlot_NoNewTrialNotEvenOnStandby()
    {
        var study = RunningStudy(out var id);
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();
        study.Core.OnSlotReserved(study.Take().OfType<ReserveSlotEffect>().Single(r => r.Purpose == SlotPurpose.Recovery), null);
        study.Take();

        study.Core.Fill();

        Assert.DoesNotContain(study.Take(), e => e is ReserveSlotEffect { Purpose: SlotPurpose.Launch });
        Assert.Equal(TrialState.Running, study.Trial(id).State);
    }

    [Fact]
    public void RunningTrial_ItsSiloDies_IsRestartedOnAnotherSiloAsTheNextAttempt()
    {
        var study = RunningStudy(out var id);
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;

        study.Tick();
        var recover = Recover(study, StudyHarness.SiloB, CommandResult.Ok);

        Assert.Equal((1, false), (recover.Recovery.Attempt, recover.Recovery.Paused));
        Assert.Equal("its silo silo-a died", recover.Recovery.Reason);
        var trial = study.Trial(id);
        // Waiting for its slot on the new silo, as on a first start: Pending, not Running, until the trial says it trains.
        Assert.Equal((TrialState.Pending, 1), (trial.State, trial.Attempt));
        Assert.Equal(StudyHarness.SiloB, Assert.Single(study.Write()!.Trials).Placement);
    }

    [Fact]
    public void RecoveredTrial_WaitsForItsSlot_IsPendingUntilItReportsRunning_AndALatePendingReportDoesNotUndoThat()
    {
        var study = RunningStudy(out var id);
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();
        Recover(study, StudyHarness.SiloB, CommandResult.Ok);
        var restarted = study.Trial(id);
        Assert.Equal(TrialState.Pending, restarted.State);
        var notified = study.Take().OfType<NotifyTrialEffect>().Single();
        Assert.Equal(TrialState.Pending, notified.Trial.State);

        // Its run got the slot: Running. The report it sent when it was restarted (Pending, same attempt) arrives late.
        study.Began(id, attempt: 1);
        Assert.Equal(TrialState.Running, study.Trial(id).State);
        study.Core.OnTrialChanged(restarted with { Silo = "silo-b" });

        Assert.Equal(TrialState.Running, study.Trial(id).State);
    }

    [Fact]
    public void RecoveredTrial_Paused_StaysPaused()
    {
        var study = RunningStudy(out var id);
        Assert.True(study.Core.Pause().Accepted);
        study.Take();
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();

        var recover = Recover(study, StudyHarness.SiloB, CommandResult.Ok);

        Assert.True(recover.Recovery.Paused);
        Assert.Equal(TrialState.Paused, study.Trial(id).State);
    }

    [Fact]
    public void SyntheticTrial_ItsSiloDies_IsRestartedOnASyntheticSlot()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 1, concurrency: 1, extra: """, "trainable": {"kind": "synthetic"}"""));
        var id = study.LaunchOne()!.TrialId;
        study.Began(id);
        study.Take();
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;

        study.Tick();

        var reserve = study.Take().OfType<ReserveSlotEffect>().Single(r => r.Purpose == SlotPurpose.Recovery);
        Assert.Equal((id, HyperTune.Abstractions.Cluster.SlotKind.Synthetic), (reserve.TrialId, reserve.Kind));
    }

    [Fact]
    public void StandbyTrial_ItsSiloDies_IsRestarted_WithoutCountingACrash()
    {
        var study = RunningStudy(out var id, began: false);
        Assert.Equal(TrialState.Pending, study.Trial(id).State);
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;

        study.Tick();
        Recover(study, StudyHarness.SiloB, CommandResult.Ok);

        var row = Assert.Single(study.Write()!.Trials);
        Assert.Equal((0, 1), (row.SiloCrashes, row.Retries));
    }

    [Fact]
    public void TrialWhoseSiloDiedTwiceUnderIt_IsFailedAsASuspectedCrasher()
    {
        var study = RunningStudy(out var id, recovery: new StudyRecoveryOptions { MaxRetries = 5, MaxSiloCrashes = 2 });
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();
        Recover(study, StudyHarness.SiloB, CommandResult.Ok);
        study.Began(id, attempt: 1);

        study.Members[StudyHarness.SiloB] = SiloStatus.Dead;
        study.Tick();

        var trial = study.Trial(id);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("suspected of crashing its silo", trial.Reason);
        Assert.Contains(study.Take(), e => e is CommandTrialsEffect { Command: FailTrial });
        Assert.Equal(StudyState.Completed, study.Core.State);
    }

    [Fact]
    public void SiloMissingFromMembership_IsLostOnlyAtTheSecondCheck()
    {
        var study = RunningStudy(out _);
        study.Members.Remove(StudyHarness.SiloA);

        study.Tick();
        Assert.DoesNotContain(study.Take(), e => e is ReserveSlotEffect { Purpose: SlotPurpose.Recovery });
        study.Tick();

        Assert.Contains(study.Take(), e => e is ReserveSlotEffect { Purpose: SlotPurpose.Recovery });
    }

    [Fact]
    public void QuietTrial_IsProbed_AndOneNoThreadTrains_IsRecovered()
    {
        // Its activation was lost with the grain-directory entry a dead silo held; its stored state still says Running.
        var study = RunningStudy(out var id);
        study.Tick(); // the first check of an activation probes every trial
        study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id), Training: true), reachable: true);
        study.Take();
        study.Time.Advance(3 * study.Recovery.WatchInterval + TimeSpan.FromMilliseconds(1));

        study.Tick();
        var probe = study.Single<ProbeTrialEffect>(study.Take());
        Assert.Equal((id, StudyHarness.SiloA), (probe.TrialId, probe.Silo));
        study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id), Training: false), reachable: true);
        var recover = Recover(study, StudyHarness.SiloA, CommandResult.Ok);

        Assert.Contains("training stopped", recover.Recovery.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TrialWhoseActivationWasLost_RunningOrStandby_IsNoticedAndRecovered_WithinFourChecks(bool began)
    {
        // A dead silo held the trial's grain-directory entry: the survivor deactivated the trial, whose stored state still
        // says Running (or Pending, for a standby trial waiting on its slot), and nothing reports for it any more.
        var study = RunningStudy(out var id, began);
        Assert.Equal(began ? TrialState.Running : TrialState.Pending, study.Trial(id).State);
        study.Tick();
        study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id), Training: true), reachable: true);
        study.Take();
        if (began)
        {
            study.Epoch(id, 1, 0.9);
        }

        var lostAt = study.Time.GetUtcNow();
        RecoverTrialEffect? recover = null;
        for (var check = 1; check <= 4 && recover is null; check++)
        {
            study.Time.Advance(study.Recovery.WatchInterval);
            study.Tick();
            foreach (var probe in study.Take().OfType<ProbeTrialEffect>())
            {
                Assert.Equal((id, StudyHarness.SiloA), (probe.TrialId, probe.Silo));
                // The probe activates it afresh from its stored state: no thread trains it.
                study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id), Training: false), reachable: true);
                recover = Recover(study, StudyHarness.SiloB, CommandResult.Ok);
            }
        }

        Assert.NotNull(recover);
        Assert.InRange(study.Time.GetUtcNow() - lostAt, TimeSpan.Zero, 4 * study.Recovery.WatchInterval);
        Assert.Contains("its activation was lost", recover.Recovery.Reason);
        Assert.Equal((1, StudyHarness.SiloB), (study.Trial(id).Attempt, Assert.Single(study.Write()!.Trials).Placement));
    }

    [Fact]
    public void ProbedTrialThatTrains_IsLeftAlone_AndNotProbedAgainAtOnce()
    {
        var study = RunningStudy(out var id);
        study.Tick();
        study.Take();
        study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id), Training: true), reachable: true);

        study.Tick();

        Assert.DoesNotContain(study.Take(), e => e is ProbeTrialEffect or ReserveSlotEffect { Purpose: SlotPurpose.Recovery });
    }

    [Fact]
    public void ProbeFindsTheTrialFinished_TakesItsEnd()
    {
        var study = RunningStudy(out var id);
        study.Tick();

        study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id) with { State = TrialState.Completed, Epoch = 5, EndedAt = study.Time.GetUtcNow() }, false), reachable: true);

        Assert.Equal(TrialState.Completed, study.Trial(id).State);
        Assert.Equal(StudyState.Completed, study.Core.State);
    }

    [Fact]
    public void WrittenAheadTrialWhoseStartNeverReachedIt_IsStartedAfresh()
    {
        var study = RunningStudy(out var id, began: false);
        study.Tick();

        study.Core.OnTrialProbed(id, null, reachable: true);
        Recover(study, StudyHarness.SiloB, CommandResult.NotFound("no such trial"));

        var start = study.Single<StartTrialEffect>(study.Take());
        Assert.Equal((id, StudyHarness.SiloB, 1), (start.TrialId, start.Silo, start.Request.Number));
    }

    [Fact]
    public void RunningTrialSilentForTheReportTimeout_IsRestarted()
    {
        var study = RunningStudy(out var id, recovery: new StudyRecoveryOptions { ReportTimeout = TimeSpan.FromSeconds(10) });
        study.Tick();
        study.Core.OnTrialProbed(id, new TrialProbe(study.Trial(id), Training: true), reachable: true);
        study.Take();

        study.Time.Advance(TimeSpan.FromSeconds(11));
        study.Tick();

        Assert.Contains(study.Take(), e => e is ReserveSlotEffect { Purpose: SlotPurpose.Recovery });
    }

    [Fact]
    public void LostTrialWithoutRetriesLeft_IsGivenUp_WithTheReason()
    {
        var study = RunningStudy(out var id, recovery: new StudyRecoveryOptions { MaxRetries = 1, MaxSiloCrashes = 0 });
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();
        Recover(study, StudyHarness.SiloB, CommandResult.Ok);
        study.Members[StudyHarness.SiloB] = SiloStatus.Dead;

        study.Tick();

        var trial = study.Trial(id);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Equal("its silo silo-a died (gave up after 1 retries)", trial.Reason);
        var effects = study.Take();
        Assert.Contains(effects, e => e is ReleaseSlotEffect { TrialId: var t } && t == id);
    }

    [Fact]
    public void NoFreeSlotForALostTrial_ItStaysLost_AndIsTriedAgainAtTheNextCheck()
    {
        var study = RunningStudy(out _);
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();
        study.Core.OnSlotReserved(study.Take().OfType<ReserveSlotEffect>().Single(r => r.Purpose == SlotPurpose.Recovery), null);

        study.Tick();

        Assert.Contains(study.Take(), e => e is ReserveSlotEffect { Purpose: SlotPurpose.Recovery });
    }

    [Fact]
    public void TrainingFailedAfterAnEpoch_IsRecoveredFromItsCheckpoint_NotEnded()
    {
        var study = RunningStudy(out var id);
        study.Epoch(id, 1, 0.9);

        study.End(id, TrialState.Failed, 1, "CUDA went away");
        var recover = Recover(study, StudyHarness.SiloB, CommandResult.Ok);

        Assert.Equal("its training failed: CUDA went away", recover.Recovery.Reason);
        Assert.Equal(TrialState.Pending, study.Trial(id).State);
    }

    [Fact]
    public void StoppingStudyWithALostTrial_EndsTheTrialStopped_AndTheStudyStopped()
    {
        var study = RunningStudy(out var id);
        study.Core.Stop();
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;

        study.Tick();

        Assert.Equal(TrialState.Stopped, study.Trial(id).State);
        Assert.Equal(StudyState.Stopped, study.Core.State);
    }

    [Fact]
    public void RecoveryRefusedAsInvalidState_AndTheTrialHadEnded_TakesItsEnd()
    {
        var study = RunningStudy(out var id);
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;
        study.Tick();
        Recover(study, StudyHarness.SiloB, CommandResult.InvalidState("it has finished"));
        var probe = study.Single<ProbeTrialEffect>(study.Take());

        study.Core.OnTrialProbed(probe.TrialId, new TrialProbe(study.Trial(id) with { State = TrialState.Completed, Epoch = 5 }, false), reachable: true);

        Assert.Equal(TrialState.Completed, study.Trial(id).State);
    }

    [Fact]
    public void PausedStudy_RestartsItsLostTrialPaused()
    {
        var study = RunningStudy(out _);
        study.Core.Pause();
        study.Take();
        study.Members[StudyHarness.SiloA] = SiloStatus.Dead;

        study.Tick();
        var recover = Recover(study, StudyHarness.SiloB, CommandResult.Ok);

        Assert.True(recover.Recovery.Paused);
    }
}
