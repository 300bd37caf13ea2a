using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class ThinningTests
{
    [Fact]
    public void Sample_FewItems_KeepsAll()
    {
        int[] items = [1, 2, 3];

        Assert.Same(items, Thinning.Sample(items, 5));
    }

    [Fact]
    public void Sample_ManyItems_KeepsTheChosenAndAnEvenSampleInOrder()
    {
        var items = Enumerable.Range(0, 10_000).ToList();

        var sample = Thinning.Sample(items, 100, i => i is 7 or 9_999);

        Assert.Equal(100, sample.Count);
        Assert.Contains(7, sample);
        Assert.Contains(9_999, sample);
        Assert.Equal(sample.Order(), sample);
        Assert.True(sample.Count(i => i < 5_000) is > 40 and < 60, "evenly spread");
    }

    [Fact]
    public void Sample_MoreChosenThanRoom_KeepsEveryChosen() =>
        Assert.Equal(50, Thinning.Sample(Enumerable.Range(0, 1000).ToList(), 10, i => i % 20 == 0).Count);
}
