using HyperTune.Search.RangeTest;

namespace HyperTune.Search.Tests.RangeTest;

public sealed class LearningRateRangeAnalyzerTests
{
    private static readonly LearningRateRangeTestOptions Defaults = new();

    /// <summary>Flat at 2, falls fastest around 1e-3 (to 0.5), then blows up past 1.</summary>
    private static double Curve(double lr)
    {
        var x = Math.Log10(lr);
        return 2 - (1.5 / (1 + Math.Exp(-3 * (x + 3)))) + Math.Exp(4 * x);
    }

    [Fact]
    public void LearningRateAt_Default_ExponentialFrom1e7To10()
    {
        Assert.Equal(1e-7, Defaults.LearningRateAt(0), 15);
        Assert.Equal(10, Defaults.LearningRateAt(99), 10);
        Assert.Equal(Math.Pow(10, 8.0 / 99), Defaults.LearningRateAt(1) / Defaults.LearningRateAt(0), 12);
    }

    [Fact]
    public void Add_ConstantLoss_SmoothedEqualsLossFromTheFirstStep()
    {
        var analyzer = new LearningRateRangeAnalyzer();
        for (var i = 0; i < 10; i++)
        {
            analyzer.Add(Defaults.LearningRateAt(i), 0.7);
        }

        Assert.All(analyzer.Points, p => Assert.Equal(0.7, p.SmoothedLoss, 12));
    }

    [Fact]
    public void Add_NaN_StopsWithThePointRecorded()
    {
        var analyzer = new LearningRateRangeAnalyzer();
        Assert.True(analyzer.Add(1e-7, 1));
        Assert.True(analyzer.Add(1e-6, 0.9));

        Assert.False(analyzer.Add(1e-5, double.NaN));
        Assert.True(analyzer.IsDone);
        Assert.Equal(RangeTestStopReason.NonFinite, analyzer.Result().StopReason);
        Assert.Equal(3, analyzer.Result().Points.Length);
    }

    [Fact]
    public void Add_SmoothedAboveFourTimesBest_StopsAsDiverged()
    {
        var steps = Enumerable.Range(0, 100).Select(i => (Defaults.LearningRateAt(i), i < 20 ? 1.0 : 1000.0));

        var result = LearningRateRangeAnalyzer.Analyze(steps);

        Assert.Equal(RangeTestStopReason.Diverged, result.StopReason);
        Assert.Equal(21, result.Points.Length);
    }

    [Fact]
    public void Analyze_SyntheticCurve_SuggestsSteepestDescentAndBoundsAroundIt()
    {
        var result = LearningRateRangeAnalyzer.Analyze(Enumerable.Range(0, 100).Select(i => (Defaults.LearningRateAt(i), Curve(Defaults.LearningRateAt(i)))));

        Assert.Equal(RangeTestStopReason.Diverged, result.StopReason);
        Assert.Equal("steepest", result.Method);

        // The raw curve falls fastest at 1e-3; the moving average lags it by under a decade.
        Assert.InRange(result.SuggestedLearningRate, 1e-3, 1e-2);
        Assert.True(result.MinimumLossLearningRate > result.SuggestedLearningRate);
        Assert.Equal(result.SuggestedLearningRate / 10, result.SearchLow, 15);
        Assert.Equal(Math.Min(result.SuggestedLearningRate * 10, result.MinimumLossLearningRate), result.SearchHigh, 15);

        // The suggestion is the most negative slope of the smoothed loss against log10 lr among the candidates.
        var points = result.Points;
        var index = points.ToList().FindIndex(p => p.LearningRate == result.SuggestedLearningRate);
        var slope = (points[index + 1].SmoothedLoss - points[index - 1].SmoothedLoss) / Math.Log10(points[index + 1].LearningRate / points[index - 1].LearningRate);
        Assert.True(slope < 0);
        for (var i = 11; i < index - 1; i++)
        {
            var other = (points[i + 1].SmoothedLoss - points[i - 1].SmoothedLoss) / Math.Log10(points[i + 1].LearningRate / points[i - 1].LearningRate);
            Assert.True(other >= slope, $"step {i} is steeper");
        }
    }

    [Fact]
    public void Analyze_TooFewPointsBeforeMinimum_MinimumOverTen()
    {
        var options = new LearningRateRangeTestOptions { Steps = 5 };
        var result = LearningRateRangeAnalyzer.Analyze([(1e-7, 1.0), (1e-5, 0.5), (1e-3, 0.2), (1e-1, 0.3), (10, 9.0)], options);

        // Smoothed: 1, 0.75, 0.56, 0.49 (still falling at 1e-1: the average lags), then 2.3 > 4 × 0.49 stops it.
        Assert.Equal("minimum/10", result.Method);
        Assert.Equal(RangeTestStopReason.Diverged, result.StopReason);
        Assert.Equal(1e-1, result.MinimumLossLearningRate, 15);
        Assert.Equal(1e-2, result.SuggestedLearningRate, 15);
    }

    [Fact]
    public void Constructor_BadOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateRangeAnalyzer(new LearningRateRangeTestOptions { EndLearningRate = 1e-8 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateRangeAnalyzer(new LearningRateRangeTestOptions { SmoothingBeta = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateRangeAnalyzer(new LearningRateRangeTestOptions { DivergenceFactor = 1 }));
    }
}
