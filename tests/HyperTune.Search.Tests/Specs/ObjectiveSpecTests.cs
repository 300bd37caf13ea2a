using HyperTune.Search.Metrics;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class ObjectiveSpecTests
{
    [Theory]
    [InlineData(MetricNames.ValidationAccuracy, OptimizationDirection.Maximize)]
    [InlineData(MetricNames.ValidationR2, OptimizationDirection.Maximize)]
    [InlineData(MetricNames.ValidationLoss, OptimizationDirection.Minimize)]
    [InlineData(MetricNames.ValidationRmse, OptimizationDirection.Minimize)]
    public void For_Metric_NaturalDirection(string metric, OptimizationDirection direction) =>
        Assert.Equal(direction, ObjectiveSpec.For(metric).Direction);

    [Fact]
    public void IsBetter_Maximize_LargerWinsNaNNever()
    {
        var objective = ObjectiveSpec.For(MetricNames.ValidationAccuracy);

        Assert.True(objective.IsBetter(0.9, 0.8));
        Assert.False(objective.IsBetter(0.8, 0.9));
        Assert.False(objective.IsBetter(double.NaN, 0.1));
        Assert.True(objective.IsBetter(0.1, double.NaN));
    }

    [Fact]
    public void IsBetter_Minimize_SmallerWins() => Assert.True(ObjectiveSpec.Default.IsBetter(0.1, 0.2));
}
