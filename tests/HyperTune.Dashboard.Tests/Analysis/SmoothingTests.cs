using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class SmoothingTests
{
    [Fact]
    public void Ema_WeightZero_ReturnsTheValuesUnchanged()
    {
        double[] values = [1, 5, 2];

        Assert.Same(values, Smoothing.Ema(values, 0));
    }

    [Fact]
    public void Ema_Weight_IsDebiasedSoTheFirstPointStaysAndTheRestAverage()
    {
        var smoothed = Smoothing.Ema([10, 0, 0], 0.5);

        Assert.Equal(10, smoothed[0], 9);                   // (0.5·10) / (1 − 0.5)
        Assert.Equal(2.5 / 0.75, smoothed[1], 9);           // (0.5·5 + 0) / (1 − 0.25)
        Assert.Equal(1.25 / 0.875, smoothed[2], 9);
    }

    [Fact]
    public void Ema_ConstantCurve_StaysConstant() =>
        Assert.All(Smoothing.Ema([3, 3, 3, 3], 0.9), v => Assert.Equal(3, v, 9));

    [Fact]
    public void Ema_NonFinitePoint_IsKeptAndLeftOutOfTheAverage()
    {
        var smoothed = Smoothing.Ema([1, double.NaN, 1], 0.6);

        Assert.True(double.IsNaN(smoothed[1]));
        Assert.Equal(1, smoothed[2], 9);
    }
}
