using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Commands;
using HyperTune.Grains.Studies.Effects;

namespace HyperTune.Grains.Tests.Studies.Control;

/// <summary>A study's life, event by event: start, commands, the wall-clock limit, failures and the end.</summary>
public sealed class StudyControllerTests
{
    [Fact]
    public void Start_ValidSpec_WritesAndRegistersTheStudyFirst_ThenFills()
    {
        var study = new StudyHarness();

        var result = study.Core.Start(StudyHarness.Spec());

        Assert.True(result.Accepted);
        Assert.Equal(StudyState.Running, result.Study!.State);
        var effects = study.Take();
        Assert.IsType<PersistEffect>(effects[0]);
        Assert.True(((PersistEffect)effects[0]).Urgent);
        Assert.IsType<RegisterStudyEffect>(effects[1]);
        Assert.Equal(FillEffect.Now, effects[^1]);
    }

    [Fact]
    public void Start_InvalidSpec_ListsEveryProblem_AndDoesNothing()
    {
        var study = new StudyHarness();

        var result = study.Core.Start("""{ "name": "x", "budget": {"max_trials": 0}, "unknown": 1 }""");

        Assert.False(result.Accepted);
        Assert.Contains(result.Problems, p => p.Path == "$.budget.max_trials");
        Assert.Contains(result.Problems, p => p.Path == "$.unknown");
        Assert.Empty(study.Take());
        Assert.Equal(StudyState.None, study.Core.State);
    }

    [Fact]
    public void Start_Twice_IsRefused()
    {
        var study = new StudyHarness();
        study.Start();

        var again = study.Core.Start(StudyHarness.Spec());

        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public void Commands_OnAStudyThatDoesNotExist_AreNotFound()
    {
        var study = new StudyHarness();

        Assert.Equal(CommandError.NotFound, study.Core.Pause().Kind);
        Assert.Equal(CommandError.NotFound, study.Core.Stop().Kind);
    }

    [Fact]
    public void Pause_ReachesWaitingTrialsFirst_ThenTheRunningOnes()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 3));
        study.LaunchAll();
        study.Began("s-0001");
        study.Take();

        Assert.True(study.Core.Pause().Accepted);

        var commands = study.Take().OfType<CommandTrialsEffect>().ToArray();
        Assert.Equal(2, commands.Length);
        Assert.Equal(["s-0002", "s-0003"], commands[0].TrialIds.ToArray());
        Assert.Equal(["s-0001"], commands[1].TrialIds.ToArray());
        Assert.All(commands, c => Assert.IsType<PauseTrial>(c.Command));
        Assert.Equal(StudyState.Paused, study.Core.State);
        study.Core.Fill();
        Assert.Empty(study.Take().OfType<ReserveSlotEffect>());
    }

    [Fact]
    public void Resume_ResumesTrials_AndStartsFillingAgain()
    {
        var study = new StudyHarness();
        study.Start();
        study.Core.Pause();
        study.Take();

        study.Core.Resume();

        var effects = study.Take();
        Assert.Contains(FillEffect.Now, effects);
        Assert.Equal(StudyState.Running, study.Core.State);
    }

    [Fact]
    public void Stop_StopsEveryTrial_AndTheStudyEndsStoppedWhenTheLastEnds()
    {
        var study = new StudyHarness();
        study.Start();
        study.LaunchAll();

        study.Core.Stop("enough");
        Assert.Equal(StudyState.Stopping, study.Core.State);
        study.End("s-0001", TrialState.Stopped, 0);
        Assert.Equal(StudyState.Stopping, study.Core.State);
        study.End("s-0002", TrialState.Stopped, 0);

        Assert.Equal(StudyState.Stopped, study.Core.State);
        Assert.Equal("enough", study.Core.Snapshot().Reason);
        Assert.Contains(study.Take(), e => e is StudyEndedEffect);
    }

    [Fact]
    public void Deadline_StopsTheStudy_WithTheReason()
    {
        var study = new StudyHarness();
        study.Start();
        var limited = new StudyHarness();
        limited.Core.Start("""
            { "name": "limited", "dataset": {"kind": "blobs", "samples": 100},
              "budget": {"max_trials": 5, "max_concurrent_trials": 1, "max_epochs_per_trial": 5, "wall_clock_limit": "00:10:00"} }
            """);
        Assert.Equal(limited.Time.GetUtcNow() + TimeSpan.FromMinutes(10), limited.Core.Deadline);

        limited.Core.OnDeadline();

        Assert.Equal(StudyState.Stopped, limited.Core.State);
        Assert.Equal("the wall-clock limit was reached", limited.Core.Snapshot().Reason);
        Assert.Null(study.Core.Deadline);
    }

    [Fact]
    public void TrialsFailingBeforeTheirFirstEpoch_FiveInARow_FailTheStudyWithTheirReason()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 30, concurrency: 1));
        for (var i = 1; i <= 5; i++)
        {
            var start = study.LaunchOne();
            Assert.NotNull(start);
            study.End(start!.TrialId, TrialState.Failed, 0, "the dataset file 'data/x.csv' has no column 'label'");
        }

        var snapshot = study.Core.Snapshot();
        Assert.Equal(StudyState.Failed, snapshot.State);
        Assert.Equal("5 trials in a row failed before their first epoch; the last: the dataset file 'data/x.csv' has no column 'label'", snapshot.Reason);
        Assert.Equal(5, snapshot.TrialsStarted);
    }

    [Fact]
    public void TrialThatTrainsAnEpoch_ResetsTheCountOfFailures()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 30, concurrency: 1));
        for (var i = 1; i <= 8; i++)
        {
            var start = study.LaunchOne()!;
            study.End(start.TrialId, i % 4 == 0 ? TrialState.Completed : TrialState.Failed, i % 4 == 0 ? 1 : 0, "bad");
        }

        Assert.Equal(StudyState.Running, study.Core.State);
    }

    [Fact]
    public void ConsecutiveFailureCheck_OffWithZero()
    {
        var study = new StudyHarness(new StudyOptions { MaxConsecutiveFailures = 0 });
        study.Start(StudyHarness.Spec(maxTrials: 8, concurrency: 1));
        for (var i = 1; i <= 8; i++)
        {
            study.End(study.LaunchOne()!.TrialId, TrialState.Failed, 0, "bad");
        }

        Assert.Equal(StudyState.Completed, study.Core.State);
    }

    [Fact]
    public void LateReports_AfterTheStudyEnded_AreRecordedButStartNothing()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: 10, concurrency: 2));
        study.LaunchAll();
        study.Core.Stop();
        study.End("s-0001", TrialState.Stopped, 0);
        study.End("s-0002", TrialState.Stopped, 0);
        study.Take();

        study.Epoch("s-0002", 1, 0.3);
        study.Core.Fill();

        Assert.DoesNotContain(study.Take(), e => e is ReserveSlotEffect);
    }

    [Fact]
    public void Snapshot_VersionsGrow_AndCountStatesWithoutRecounting()
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(concurrency: 2));
        study.LaunchAll();
        study.Began("s-0001");

        var first = study.Core.Snapshot();
        var second = study.Core.Snapshot();

        Assert.True(second.Version > first.Version);
        Assert.Equal(1, second.TrialCounts[TrialState.Running]);
        Assert.Equal(1, second.TrialCounts[TrialState.Pending]);
        Assert.Equal(2, second.TrialsStarted);
    }
}
