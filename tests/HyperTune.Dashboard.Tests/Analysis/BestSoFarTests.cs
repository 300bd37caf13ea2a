using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class BestSoFarTests
{
    [Fact]
    public void Of_Maximize_CarriesTheBestForwardInTrialOrder()
    {
        var history = BestSoFar.Of([(3, 0.5), (1, double.NaN), (2, 0.7), (4, 0.9)], maximize: true);

        Assert.Equal([1, 2, 3, 4], history.Select(h => h.Number));
        Assert.True(double.IsNaN(history[0].Best));
        Assert.Equal([0.7, 0.7, 0.9], history.Skip(1).Select(h => h.Best));
    }

    [Fact]
    public void Of_Minimize_KeepsTheLowest() =>
        Assert.Equal([2.0, 1.0, 1.0], BestSoFar.Of([(1, 2), (2, 1), (3, 1.5)], maximize: false).Select(h => h.Best));
}
