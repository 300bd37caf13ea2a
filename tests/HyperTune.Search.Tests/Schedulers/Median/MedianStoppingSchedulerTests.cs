using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Median;

namespace HyperTune.Search.Tests.Schedulers.Median;

public sealed class MedianStoppingSchedulerTests
{
    private static ITrialScheduler Create(int grace = 2, int minSamples = 2, bool runningAverage = false) =>
        SchedulerFactory.Create(SchedulerScript.Spec(
            "median", new MedianStoppingSchedulerOptions { GracePeriod = grace, MinSamples = minSamples, UseRunningAverage = runningAverage }));

    [Fact]
    public void OnTrialResult_AfterGrace_PrunesOnlyTheTrialBelowTheMedian()
    {
        var curves = new Dictionary<string, double[]>
        {
            ["a"] = [0.90, 0.90, 0.90, 0.90],
            ["b"] = [0.80, 0.80, 0.95, 0.95],
            ["c"] = [0.50, 0.50, 0.50, 0.50],
            ["d"] = [0.85, 0.86, 0.89, 0.89],
        };

        // Epoch 1 is within the grace period. At epoch 2, a and b lack two others at epoch 2; c's best 0.5 is below the
        // median 0.85 of a (0.9) and b (0.8); d's best 0.86 is above the median 0.8 of a, b and c. Later, every survivor's
        // best stays above the median of the others' running averages (e.g. d at 3: 0.89 ≥ median(0.9, 0.85)).
        Assert.Equal(["c@2:Prune"], SchedulerScript.Run(Create(), curves));
    }

    [Fact]
    public void OnTrialResult_WithinGracePeriod_NeverPrunes()
    {
        var curves = new Dictionary<string, double[]> { ["a"] = [0.9, 0.9], ["b"] = [0.9, 0.9], ["c"] = [0.1, 0.1] };

        Assert.Empty(SchedulerScript.Run(Create(grace: 3), curves));
    }

    [Fact]
    public void OnTrialResult_FewerOthersThanMinSamples_NeverPrunes()
    {
        var curves = new Dictionary<string, double[]> { ["a"] = [0.9, 0.9, 0.9], ["c"] = [0.1, 0.1, 0.1] };

        Assert.Empty(SchedulerScript.Run(Create(minSamples: 2), curves));
    }

    [Fact]
    public void OnTrialResult_BestSoFarVersusRunningAverage_OnlyRunningAveragePrunesAFadingTrial()
    {
        // e peaks early then fades: its best (0.95) beats the others' running averages, its running average does not.
        var curves = new Dictionary<string, double[]>
        {
            ["a"] = [0.80, 0.80, 0.80],
            ["b"] = [0.80, 0.80, 0.80],
            ["e"] = [0.95, 0.30, 0.30],
        };

        Assert.Empty(SchedulerScript.Run(Create(), curves));
        Assert.Equal(["e@2:Prune"], SchedulerScript.Run(Create(runningAverage: true), curves));
    }

    [Fact]
    public void OnTrialResult_NaN_CountsAsWorst()
    {
        var curves = new Dictionary<string, double[]> { ["a"] = [0.5, 0.5], ["b"] = [0.5, 0.5], ["n"] = [0.9, double.NaN] };

        Assert.Equal(["n@2:Prune"], SchedulerScript.Run(Create(), curves));
    }

    [Fact]
    public void Median_EvenCount_MeanOfMiddleTwo() => Assert.Equal(2.5, MedianStoppingScheduler.Median([4, 1, 3, 2]));

    [Theory]
    [InlineData(false, "Prune")]
    [InlineData(true, "Continue")]
    public void OnTrialResult_OtherTrialReportedEpochsAgain_MedianUsesItsAveragesWithBothReports(bool restart, string expected)
    {
        var scheduler = Create();
        SchedulerScript.Run(scheduler, new Dictionary<string, double[]> { ["a"] = [0.5, 0.5, 0.5], ["b"] = [0.5, 0.5, 0.5] });
        if (restart)
        {
            // a restarts from its epoch-1 checkpoint and reports epochs 2 and 3 again, at 0: its running averages drop
            // to (0.5 + 0.5 + 0) / 3 at epoch 2 and (0.5 + 0.5 + 0.5 + 0 + 0) / 5 = 0.3 at epoch 3.
            scheduler.OnTrialResult("a", 2, SchedulerScript.Accuracy(0));
            scheduler.OnTrialResult("a", 3, SchedulerScript.Accuracy(0));
        }

        scheduler.OnTrialAdded("e", SchedulerScript.Config(0.1));
        scheduler.OnTrialResult("e", 1, SchedulerScript.Accuracy(0.45));

        // e's best 0.45 against the median of a and b at epoch 2: 0.5 as they first reported, 0.4167 after a's restart.
        Assert.Equal(expected, scheduler.OnTrialResult("e", 2, SchedulerScript.Accuracy(0.45)).GetType().Name.Replace("Decision", "", StringComparison.Ordinal));
    }

    [Fact]
    public void OnTrialResult_HugeEpoch_DecidesWithoutAllocatingPerEpoch()
    {
        var scheduler = Create();
        scheduler.OnTrialAdded("a", SchedulerScript.Config(0.1));

        Assert.IsType<ContinueDecision>(scheduler.OnTrialResult("a", int.MaxValue, SchedulerScript.Accuracy(0.5)));
    }
}
