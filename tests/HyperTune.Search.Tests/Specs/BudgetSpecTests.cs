using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs;

public sealed class BudgetSpecTests
{
    [Fact]
    public void EpochsFor_ConfigBelowCap_ConfigEpochs() =>
        Assert.Equal(7, new BudgetSpec { MaxEpochsPerTrial = 10 }.EpochsFor(TrialConfig.Empty.With("epochs", 7)));

    [Fact]
    public void EpochsFor_ConfigAboveCap_Cap() =>
        Assert.Equal(10, new BudgetSpec { MaxEpochsPerTrial = 10 }.EpochsFor(TrialConfig.Empty.With("epochs", 50)));

    [Fact]
    public void EpochsFor_NoEpochsInConfig_TheCap()
    {
        Assert.Equal(100, new BudgetSpec { MaxEpochsPerTrial = 100 }.EpochsFor(TrialConfig.Empty));
        Assert.Equal(5, new BudgetSpec { MaxEpochsPerTrial = 5 }.EpochsFor(TrialConfig.Empty));
    }
}
