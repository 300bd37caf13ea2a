using HyperTune.Coordinator.Dashboard.Analysis;
using HyperTune.Search.Values;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class ParallelAxisTests
{
    [Fact]
    public void For_SameValueEverywhere_IsConstant()
    {
        Assert.True(ParallelAxis.For("momentum", [(ParameterValue)0.9, (ParameterValue)0.9]).IsConstant);
        Assert.True(ParallelAxis.For("optimizer", [(ParameterValue)"adam", (ParameterValue)"adam"]).IsConstant);
        Assert.False(ParallelAxis.For("optimizer", [(ParameterValue)"adam", (ParameterValue)"sgd"]).IsConstant);
    }

    [Fact]
    public void For_LogDomain_UsesALogAxisEvenOverASmallSpan()
    {
        var axis = ParallelAxis.For("learning_rate", [(ParameterValue)0.01, (ParameterValue)0.1], log: true);

        Assert.True(axis.Log);
        Assert.Equal(0.5, axis.Position(Math.Sqrt(0.001))!.Value, 9);
        Assert.Equal(0.1, axis.ValueAt(1), 9);
    }

    [Fact]
    public void For_Categories_CentresEachInItsShareInSortedOrder()
    {
        var axis = ParallelAxis.For("optimizer", [(ParameterValue)"sgd", (ParameterValue)"adam", (ParameterValue)"adamw", (ParameterValue)"rmsprop"]);

        Assert.Equal(["adam", "adamw", "rmsprop", "sgd"], axis.Categories);
        Assert.Equal(0.125, axis.Position((ParameterValue)"adam")!.Value, 9);
        Assert.Equal(0.875, axis.Position((ParameterValue)"sgd")!.Value, 9);
    }

    [Fact]
    public void Labels_NumericAxis_AreNiceNumbersWithoutMinusZero()
    {
        var labels = ParallelAxis.ForNumbers("x", [-1e-17, 1]).Labels().Select(l => l.Text).ToList();

        Assert.Contains("0", labels);
        Assert.DoesNotContain("-0", labels);
        Assert.Contains("1", labels);
    }
}
