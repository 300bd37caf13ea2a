using HyperTune.Search.Hyperparameters;

namespace HyperTune.Search.Tests.Hyperparameters;

public sealed class LearningRateCommandLimitsTests
{
    [Theory]
    [InlineData(1e308)]
    [InlineData(1e3)]
    [InlineData(1e-300)]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CheckSet_OutsideTheRange_Refused(double value) =>
        Assert.Contains("from 1E-10 to 100", LearningRateCommandLimits.CheckSet(value));

    [Theory]
    [InlineData(1e-10)]
    [InlineData(0.01)]
    [InlineData(100)]
    public void CheckSet_InsideTheRange_Accepted(double value) => Assert.Null(LearningRateCommandLimits.CheckSet(value));

    [Theory]
    [InlineData(1e308)]
    [InlineData(1001)]
    [InlineData(1e-7)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    public void CheckDecay_FactorOutsideTheRange_Refused(double factor) =>
        Assert.Contains("from 1E-06 to 1000", LearningRateCommandLimits.CheckDecay(factor));

    [Fact]
    public void CheckDecay_ResultAboveTheLargestRate_Refused() =>
        Assert.Contains("from 1 to 1000", LearningRateCommandLimits.CheckDecay(1000, currentRate: 1));

    [Fact]
    public void CheckDecay_ResultWithinTheRates_Accepted()
    {
        Assert.Null(LearningRateCommandLimits.CheckDecay(0.5, currentRate: 0.01));
        Assert.Null(LearningRateCommandLimits.CheckDecay(10, currentRate: double.NaN));
    }
}
