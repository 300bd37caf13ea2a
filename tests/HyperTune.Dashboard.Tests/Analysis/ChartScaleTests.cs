using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class ChartScaleTests
{
    [Fact]
    public void ForLogX_LearningRateRamp_SpansWholeDecadesWithATickEach()
    {
        var scale = ChartScale.ForLogX(1e-7, 2.3, [2.3, 0.4], logY: false);

        Assert.Equal((-7, 1), (scale.XMin, scale.XMax));
        Assert.Equal(Enumerable.Range(-7, 9).Select(e => (double)e), scale.XTicks());
        Assert.Equal("1e-7", scale.XTickLabel(-7));
        Assert.Equal(ChartScale.Left, scale.X(1e-7), 9);
        Assert.Equal(ChartScale.Left + ChartScale.Width, scale.X(10), 9);
        Assert.Equal(ChartScale.Left + ChartScale.Width / 2, scale.X(1e-3), 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void X_LogAxis_ValueThatHasNoLogarithm_IsNaN(double rate) =>
        Assert.True(double.IsNaN(ChartScale.ForLogX(1e-7, 10, [1], false).X(rate)));

    [Fact]
    public void X_LinearAxis_PlacesEpochsAsBefore()
    {
        var scale = ChartScale.For(10, [0, 1], false);

        Assert.Equal((0, 10), (scale.XMin, scale.XMax));
        Assert.Equal(ChartScale.Left + ChartScale.Width / 2, scale.X(5), 9);
        Assert.Equal(scale.X(5), scale.TickX(5), 9);
        Assert.Equal("5", scale.XTickLabel(5));
    }

    [Fact]
    public void ForLogX_OneDecadeOrLess_StillSpansADecade()
    {
        var scale = ChartScale.ForLogX(1e-3, 1e-3, [], false);

        Assert.Equal((-3, -2), (scale.XMin, scale.XMax));
        Assert.Equal((0, 1), (scale.YMin, scale.YMax));
    }
}
