using HyperTune.Search.Schedulers;
using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Schedulers.Hyperband;

namespace HyperTune.Search.Tests.Schedulers;

/// <summary>ASHA and Hyperband cap a trial's epochs at max_t; the other schedulers leave them to the budget.</summary>
public sealed class SchedulerMaxEpochsTests
{
    [Fact]
    public void Asha_WithMaxTBelowTheBudget_CapsEpochsAtMaxT() =>
        Assert.Equal(4, SchedulerFactory.Create(SchedulerScript.Spec("asha", new AshaSchedulerOptions { MaxT = 4 }, maxEpochs: 10)).MaxEpochs);

    [Fact]
    public void Hyperband_WithMaxTBelowTheBudget_CapsEpochsAtMaxT() =>
        Assert.Equal(9, SchedulerFactory.Create(SchedulerScript.Spec("hyperband", new HyperbandSchedulerOptions { MaxT = 9 }, maxEpochs: 27)).MaxEpochs);

    [Fact]
    public void Asha_WithoutMaxT_UsesTheBudgetsEpochs() =>
        Assert.Equal(10, SchedulerFactory.Create(SchedulerScript.Spec("asha", maxEpochs: 10)).MaxEpochs);

    [Theory]
    [InlineData("none")]
    [InlineData("median")]
    [InlineData("pbt")]
    [InlineData("plateau")]
    public void OtherSchedulers_LeaveEpochsToTheBudget(string kind) =>
        Assert.Null(SchedulerFactory.Create(SchedulerScript.Spec(kind, maxEpochs: 10)).MaxEpochs);
}
