using HyperTune.Coordinator.Dashboard.Analysis;
using HyperTune.Coordinator.Dashboard.Live;
using HyperTune.Search.Values;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class BrushChangeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("{\"axis\": 3, \"low\": 0, \"high\": 1}")]
    [InlineData("{\"axis\": \"x\", \"low\": \"a\", \"high\": 1}")]
    [InlineData("[1, 2]")]
    public void Parse_NotABrush_IsNull(string? json) => Assert.Null(BrushChange.Parse(json));

    [Fact]
    public void Parse_Reversed_OrdersAndClampsTheSpan() =>
        Assert.Equal(new BrushChange("lr", 0, 0.5), BrushChange.Parse("{\"axis\": \"lr\", \"low\": 0.5, \"high\": -2}"));

    [Fact]
    public void ToBrush_NumericAxis_PassesTheValuesInTheSpanEndsIncluded()
    {
        var axis = ParallelAxis.For("learning_rate", [(ParameterValue)1e-4, (ParameterValue)1e-1], log: true);

        var brush = new BrushChange("learning_rate", 0, 1.0 / 3).ToBrush(axis)!;

        Assert.True(brush.Passes((ParameterValue)1e-4));
        Assert.True(brush.Passes((ParameterValue)1e-3));
        Assert.False(brush.Passes((ParameterValue)1.1e-3));
        Assert.False(brush.Passes(null));
    }

    [Fact]
    public void ToBrush_Categories_PassesTheCategoriesTheSpanTouches()
    {
        var axis = ParallelAxis.For("optimizer", [(ParameterValue)"adam", (ParameterValue)"adamw", (ParameterValue)"rmsprop", (ParameterValue)"sgd"]);

        var brush = new BrushChange("optimizer", 0.8, 0.98).ToBrush(axis)!;

        Assert.Equal(["sgd"], brush.Categories!);
        Assert.True(brush.Passes((ParameterValue)"sgd"));
        Assert.False(brush.Passes((ParameterValue)"adam"));
    }

    [Fact]
    public void ToBrush_AClick_ClearsTheAxis() =>
        Assert.Null(new BrushChange("x", 0.5, 0.505).ToBrush(ParallelAxis.ForNumbers("x", [0, 1])));
}
