using HyperTune.Search.RangeTest;
using HyperTune.Training.Configuration;
using HyperTune.Training.RangeTest;
using HyperTune.Training.Tests.Engine;
using Xunit.Abstractions;

namespace HyperTune.Training.Tests.RangeTest;

public sealed class LearningRateRangeTestTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_DigitsWithAdam_SuggestsLearningRateBetween1e4And1e1()
    {
        var config = new TrainingConfig { Optimizer = OptimizerKind.Adam, HiddenUnits = [128, 128], BatchSize = 64, Seed = 1 };

        var result = new LearningRateRangeTest(config, TestData.Digits).Run();
        output.WriteLine(FormattableString.Invariant(
            $"suggested {result.SuggestedLearningRate:G3}, minimum at {result.MinimumLossLearningRate:G3}, bounds [{result.SearchLow:G3}, {result.SearchHigh:G3}], {result.StopReason} after {result.Points.Length} steps"));

        Assert.InRange(result.SuggestedLearningRate, 1e-4, 1e-1);
        Assert.Equal("steepest", result.Method);
        Assert.NotEqual(RangeTestStopReason.Completed, result.StopReason); // Adam at LR 10 blows up before the ramp ends
        Assert.True(result.SearchLow < result.SuggestedLearningRate && result.SuggestedLearningRate <= result.SearchHigh);
        Assert.InRange(result.Points.Count(), 20, 100);
        Assert.Equal(1e-7, result.Points[0].LearningRate, 15);
    }

    [Fact]
    public void Run_SameSeed_SameCurve()
    {
        var config = new TrainingConfig { Seed = 3 };
        var options = new LearningRateRangeTestOptions { Steps = 30 };

        var first = new LearningRateRangeTest(config, TestData.SmallBlobs, options).Run();
        var second = new LearningRateRangeTest(config, TestData.SmallBlobs, options).Run();

        Assert.Equal(first.Points.Select(p => p.Loss), second.Points.Select(p => p.Loss));
    }

    [Fact]
    public void Run_ReportsEveryStep_AsItIsRecorded()
    {
        var seen = new List<RangeTestPoint>();

        var result = new LearningRateRangeTest(new TrainingConfig { Seed = 3 }, TestData.SmallBlobs, new LearningRateRangeTestOptions { Steps = 20 }).Run(onStep: seen.Add);

        Assert.Equal(result.Points, seen);
        Assert.Equal(Enumerable.Range(0, seen.Count), seen.Select(p => p.Step));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new LearningRateRangeTest(new TrainingConfig(), TestData.SmallBlobs).Run(cancelled.Token));
    }
}
