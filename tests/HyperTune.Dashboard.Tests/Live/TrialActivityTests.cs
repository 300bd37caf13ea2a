using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class TrialActivityTests
{
    [Fact]
    public void Of_CountsPerState_TellsRunningPausedAndWaitingApart()
    {
        var activity = TrialActivity.Of(new Dictionary<TrialState, int>
        {
            [TrialState.Running] = 3, [TrialState.Pending] = 1, [TrialState.Paused] = 2, [TrialState.Completed] = 4, [TrialState.Pruned] = 1,
        });

        Assert.Equal(new TrialActivity(Running: 3, Paused: 2, Waiting: 1, Finished: 5), activity);
        Assert.Equal(5, activity.HoldingSlots);
        Assert.Equal("3 running · 2 paused · 1 waiting", activity.Describe());
    }

    [Fact]
    public void Of_OnlyWaitingTrials_NoneIsRunning()
    {
        var activity = TrialActivity.Of([TrialState.Pending, TrialState.Pending]);

        Assert.Equal((0, 0, 2), (activity.Running, activity.HoldingSlots, activity.Waiting));
        Assert.Equal("2 waiting", activity.Describe());
    }

    [Fact]
    public void Describe_AllFinished_SaysNoneActive() =>
        Assert.Equal("none active", TrialActivity.Of([TrialState.Completed, TrialState.Failed]).Describe());
}
