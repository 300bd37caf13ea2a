using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class EmpiricalDistributionTests
{
    [Fact]
    public void Of_Values_AscendWithTheShareAtMostEachAndTiesTogether()
    {
        var points = EmpiricalDistribution.Of([0.3, 0.1, double.NaN, 0.3, 0.9]);

        Assert.Equal([(0.1, 0.25), (0.3, 0.75), (0.9, 1.0)], points);
    }

    [Fact]
    public void Of_Nothing_IsEmpty() => Assert.Empty(EmpiricalDistribution.Of([]));
}
