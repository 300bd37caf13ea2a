using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;
using HyperTune.Search.RangeTest;

namespace HyperTune.Grains.Tests.Studies.RangeTesting;

/// <summary>A study whose spec has <c>lr_range_test</c> runs it first and searches within its bounds.</summary>
public sealed class RangeTestStepTests
{
    private static readonly string Spec = StudyHarness.Spec(extra: """, "lr_range_test": {}""");

    private static LearningRateRangeTestStatus Status(RangeTestState state, RangeTestResult? result, string? error) =>
        new("s", state, Search.Values.TrialConfig.Empty, [], 100, result, error, "silo-a", DateTimeOffset.UnixEpoch, null) { StudyId = "s" };

    private static StudyHarness Started()
    {
        var study = new StudyHarness();
        Assert.True(study.Core.Start(Spec).Accepted);
        return study;
    }

    [Fact]
    public void Start_StartsTheRangeTest_NotTrials()
    {
        var study = Started();

        var effects = study.Take();

        Assert.Single(effects.OfType<StartRangeTestEffect>());
        Assert.DoesNotContain(effects, e => e is FillEffect);
        study.Core.Fill();
        Assert.Empty(study.Take().OfType<ReserveSlotEffect>());
    }

    [Fact]
    public void RangeTestCompleted_StartsTheSearch()
    {
        var study = Started();
        study.Take();
        var result = new RangeTestResult
        {
            Points = [], StopReason = RangeTestStopReason.Diverged, SuggestedLearningRate = 1e-2, MinimumLossLearningRate = 5e-2,
            SearchLow = 1e-3, SearchHigh = 5e-2, Method = "steepest",
        };

        study.Core.OnRangeTestEnded(Status(RangeTestState.Completed, result, null));

        Assert.Contains(FillEffect.Now, study.Take());
        Assert.False(study.Core.AwaitingRangeTest);
    }

    [Fact]
    public void RangeTestInterrupted_IsStartedAgain_AndAFailureFailsTheStudy()
    {
        var study = Started();
        study.Take();

        study.Core.OnRangeTestEnded(Status(RangeTestState.Failed, null, "its silo stopped") with { Interrupted = true });
        Assert.Single(study.Take().OfType<StartRangeTestEffect>());

        study.Core.OnRangeTestEnded(Status(RangeTestState.Failed, null, "file not found"));
        Assert.Equal(StudyState.Failed, study.Core.State);
        Assert.Equal("the learning-rate range test failed: file not found", study.Core.Snapshot().Reason);
    }

    [Fact]
    public void Tick_WhileWaiting_AsksTheTest_AndStartsItWhenItNeverStarted()
    {
        var study = Started();
        study.Take();

        study.Tick();
        Assert.Single(study.Take().OfType<ProbeRangeTestEffect>());
        study.Core.OnRangeTestProbed(null, reachable: true);

        Assert.Single(study.Take().OfType<StartRangeTestEffect>());
    }

    [Fact]
    public void RangeTestThatCannotStart_FailsTheStudy()
    {
        var study = Started();
        study.Take();

        study.Core.OnRangeTestStartReturned(CommandResult.InvalidArgument("bad options"));

        Assert.Equal(StudyState.Failed, study.Core.State);
    }
}
