namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

public sealed class StallDetectorTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void RunningTrialThatMovesOn_EveryRead_HasNoStallLongerThanTheReadsBetween()
    {
        var detector = new StallDetector();
        for (var i = 0; i < 10; i++)
        {
            detector.Observe(S(i), [new TrialProgress("t", "Running", i / 2, 0)]);
        }

        Assert.Equal(S(1), detector.Worst!.Length);
        Assert.Empty(detector.Beyond(S(1)));
    }

    [Fact]
    public void RunningTrialStandingStill_IsAStall_FromFirstToLastSightingUnchanged()
    {
        var detector = new StallDetector();
        detector.Observe(S(0), [new TrialProgress("t", "Running", 3, 0)]);
        detector.Observe(S(2), [new TrialProgress("t", "Running", 4, 0)]);
        detector.Observe(S(9), [new TrialProgress("t", "Running", 4, 0)]);
        detector.Observe(S(15), [new TrialProgress("t", "Running", 4, 0)]);
        detector.Observe(S(16), [new TrialProgress("t", "Running", 4, 1)]);

        var stall = Assert.Single(detector.Beyond(S(12)));
        Assert.Equal(("t", S(2), S(15), 4, 0), (stall.TrialId, stall.From, stall.To, stall.Epoch, stall.Attempt));
    }

    [Fact]
    public void RecoveryAtTheSameEpoch_CountsAsMovingOn()
    {
        var detector = new StallDetector();
        detector.Observe(S(0), [new TrialProgress("t", "Running", 4, 0)]);
        detector.Observe(S(8), [new TrialProgress("t", "Running", 4, 1)]);
        detector.Observe(S(16), [new TrialProgress("t", "Running", 4, 1)]);

        Assert.Equal(S(8), detector.Worst!.Length);
    }

    [Fact]
    public void PendingPausedAndFinishedTrials_AreNotExpectedToMove()
    {
        var detector = new StallDetector();
        foreach (var at in new[] { 0.0, 30, 60 })
        {
            detector.Observe(S(at), [new("p", "Pending", 0, 0), new("z", "Paused", 2, 0), new("c", "Completed", 5, 0)]);
        }

        Assert.Null(detector.Worst);
    }

    [Fact]
    public void TimeTheWatcherCouldNotSee_IsNotCounted_UnlessTheTrialWasSeenStandingOnBothSides()
    {
        var detector = new StallDetector();
        detector.Observe(S(0), [new TrialProgress("t", "Running", 4, 0)]);
        // Nothing read for 20 s (the Coordinator was down); it had moved on meanwhile.
        detector.Observe(S(20), [new TrialProgress("t", "Running", 9, 0)]);
        detector.Observe(S(21), [new TrialProgress("u", "Running", 1, 0)]);
        detector.Observe(S(41), [new TrialProgress("u", "Running", 1, 0)]);

        Assert.Equal(S(0), detector.Longest.Single(s => s.TrialId == "t").Length);
        Assert.Equal(S(20), detector.Longest.Single(s => s.TrialId == "u").Length);
    }

    [Fact]
    public void TrialThatLeavesRunningAndComesBack_StartsAfresh()
    {
        var detector = new StallDetector();
        detector.Observe(S(0), [new TrialProgress("t", "Running", 4, 0)]);
        detector.Observe(S(3), [new TrialProgress("t", "Paused", 4, 0)]);
        detector.Observe(S(30), [new TrialProgress("t", "Running", 4, 0)]);
        detector.Observe(S(32), [new TrialProgress("t", "Running", 4, 0)]);

        Assert.Equal(S(2), detector.Worst!.Length);
    }
}
