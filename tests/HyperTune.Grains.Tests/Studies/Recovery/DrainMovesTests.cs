using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;

namespace HyperTune.Grains.Tests.Studies.Recovery;

/// <summary>How a study moves its trials off a draining silo: when, from which checkpoint, and at what cost.</summary>
public sealed class DrainMovesTests
{
    private static StudyHarness RunningStudy(out string trialId, int epochs = 0, StudyRecoveryOptions? recovery = null)
    {
        var study = new StudyHarness(recovery: recovery);
        study.Start(StudyHarness.Spec(maxTrials: 1, concurrency: 1, epochs: 20));
        trialId = study.LaunchOne()!.TrialId;
        study.Began(trialId);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            study.Epoch(trialId, epoch, 1.0 / epoch);
        }

        study.Take();
        return study;
    }

    private static List<MoveOffTrialEffect> Moves(StudyHarness study) => [.. study.Take().OfType<MoveOffTrialEffect>()];

    /// <summary>Answers a move with <paramref name="answer"/> and the recovery's reservation with <paramref name="to"/>; returns the restart.</summary>
    private static RecoverTrialEffect MoveTo(StudyHarness study, MoveOffTrialEffect move, SiloAddress to, CommandResult? answer = null)
    {
        study.Core.OnTrialMovedOff(move, answer ?? CommandResult.Ok);
        var reserve = study.Take().OfType<ReserveSlotEffect>().Single(r => r.Purpose == SlotPurpose.Recovery);
        Assert.Equal(SlotMode.FreeSlot, reserve.Mode);
        study.Core.OnSlotReserved(reserve, to);
        var recover = study.Single<RecoverTrialEffect>(study.Take());
        study.Core.OnTrialRecoverReturned(recover, CommandResult.Ok);
        study.Take();
        return recover;
    }

    [Fact]
    public void StandbyTrial_ItsSiloDrains_MovesAtOnceAndRestartsElsewhere()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 1, concurrency: 1));
        var id = study.LaunchOne()!.TrialId;
        study.Take();
        study.Draining.Add(StudyHarness.SiloA);

        study.Tick();

        var move = Assert.Single(Moves(study));
        Assert.Equal((id, StudyHarness.SiloA), (move.TrialId, move.Silo));
        Assert.EndsWith("drains; it had trained no epoch there", move.Reason, StringComparison.Ordinal);
        var recover = MoveTo(study, move, StudyHarness.SiloB);
        Assert.Equal((StudyHarness.SiloB, 1), (recover.Silo, recover.Recovery.Attempt));
        Assert.Equal(StudyHarness.SiloB, Assert.Single(study.Write()!.Trials).Placement);
    }

    [Fact]
    public void TrainingTrial_ItsSiloDrains_TrainsOnUntilItsNextCheckpointThenMovesFromIt()
    {
        var study = RunningStudy(out var id, epochs: 3);
        study.Core.OnCheckpoint(id, 2);
        study.Draining.Add(StudyHarness.SiloA);

        study.Tick();
        Assert.Empty(Moves(study)); // epoch 3 is not checkpointed: moving now would lose it
        study.Epoch(id, 4, 0.2);
        Assert.Empty(Moves(study));
        study.Core.OnCheckpoint(id, 4);

        var move = Assert.Single(Moves(study));
        Assert.EndsWith("drains; it continues from its checkpoint at epoch 4", move.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingTrial_LatestEpochAlreadyCheckpointed_MovesAtTheFirstCheck()
    {
        var study = RunningStudy(out var id, epochs: 5);
        study.Core.OnCheckpoint(id, 5);
        study.Draining.Add(StudyHarness.SiloA);

        study.Tick();

        Assert.Contains("checkpoint at epoch 5", Assert.Single(Moves(study)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingTrial_NoCheckpointWithinTheTimeout_MovesFromTheOneItHasAndSaysWhatIsTrainedAgain()
    {
        var study = RunningStudy(out var id, epochs: 2, recovery: new StudyRecoveryOptions { DrainMoveTimeout = TimeSpan.FromMinutes(5) });
        study.Core.OnCheckpoint(id, 2);
        study.Epoch(id, 3, 0.3);
        study.Epoch(id, 4, 0.25);
        study.Draining.Add(StudyHarness.SiloA);
        study.Tick();
        Assert.Empty(Moves(study));

        study.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        study.Tick();
        Assert.Empty(Moves(study));
        study.Time.Advance(TimeSpan.FromSeconds(1));
        study.Tick();

        var move = Assert.Single(Moves(study));
        Assert.EndsWith("within 00:05:00; it continues from its checkpoint at epoch 2 and trains epochs 3–4 again", move.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingTrial_DrainEndsBeforeItsCheckpoint_StaysWhereItIs()
    {
        var study = RunningStudy(out var id, epochs: 1, recovery: new StudyRecoveryOptions { DrainMoveTimeout = TimeSpan.FromMinutes(1) });
        study.Draining.Add(StudyHarness.SiloA);
        study.Tick();
        study.Draining.Clear();
        study.Tick();

        study.Time.Advance(TimeSpan.FromMinutes(2));
        study.Tick();
        study.Epoch(id, 2, 0.4);
        study.Core.OnCheckpoint(id, 2);

        Assert.Empty(Moves(study));
    }

    [Fact]
    public void Move_SiloUnreachable_IsTriedAgainAtTheNextCheck()
    {
        var study = RunningStudy(out var id, epochs: 1);
        study.Core.OnCheckpoint(id, 1);
        study.Draining.Add(StudyHarness.SiloA);
        study.Tick();
        var move = Assert.Single(Moves(study));

        study.Tick();
        Assert.Empty(Moves(study)); // under way
        study.Core.OnTrialMovedOff(move, null);
        Assert.DoesNotContain(study.Take(), e => e is ReserveSlotEffect);
        study.Tick();

        Assert.Single(Moves(study));
    }

    [Fact]
    public void Moves_ManyDrainsInARow_DoNotCountAgainstRetries()
    {
        var study = RunningStudy(out var id, epochs: 1, recovery: new StudyRecoveryOptions { MaxRetries = 1 });
        var (from, to) = (StudyHarness.SiloA, StudyHarness.SiloB);
        for (var drain = 1; drain <= 4; drain++)
        {
            study.Draining.Clear();
            study.Draining.Add(from);
            study.Core.OnCheckpoint(id, 1);
            study.Tick();
            var recover = MoveTo(study, Assert.Single(Moves(study)), to);
            Assert.Equal(drain, recover.Recovery.Attempt);
            (from, to) = (to, from);
        }

        // Restarted on the other silo: Pending until its run there gets a slot.
        var trial = study.Trial(id);
        Assert.Equal((TrialState.Pending, 4), (trial.State, trial.Attempt));
        Assert.Equal(4, Assert.Single(study.Write()!.Trials).Moves);
    }
}
