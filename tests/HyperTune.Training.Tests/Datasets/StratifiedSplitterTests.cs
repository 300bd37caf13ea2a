using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class StratifiedSplitterTests
{
    private static long[] Labels(params int[] countsPerClass) =>
        countsPerClass.SelectMany((count, label) => Enumerable.Repeat((long)label, count)).ToArray();

    [Fact]
    public void Split_UnevenClasses_EachClassHoldsRoundedShare()
    {
        var labels = Labels(50, 33, 7, 10);

        var split = StratifiedSplitter.Split(labels, 0.2, seed: 1);

        Assert.Equal([10, 7, 1, 2], CountPerClass(labels, split.Validation, 4));
        Assert.Equal([40, 26, 6, 8], CountPerClass(labels, split.Train, 4));
    }

    [Fact]
    public void Split_Always_PartitionsEveryRowOnceInAscendingOrder()
    {
        var labels = Labels(13, 21, 8);

        var split = StratifiedSplitter.Split(labels, 0.3, seed: 5);

        Assert.Equal(Enumerable.Range(0, labels.Length), split.Train.Concat(split.Validation).Order());
        Assert.Equal(split.Train.Order(), split.Train);
        Assert.Equal(split.Validation.Order(), split.Validation);
    }

    [Fact]
    public void Split_SameSeed_IdenticalSplit()
    {
        var labels = Labels(40, 40, 40);

        var first = StratifiedSplitter.Split(labels, 0.25, seed: 9);
        var second = StratifiedSplitter.Split(labels, 0.25, seed: 9);

        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Train, second.Train);
    }

    [Fact]
    public void Split_DifferentSeed_DifferentSplit()
    {
        var labels = Labels(40, 40, 40);

        var first = StratifiedSplitter.Split(labels, 0.25, seed: 1);
        var second = StratifiedSplitter.Split(labels, 0.25, seed: 2);

        Assert.NotEqual(first.Validation, second.Validation);
    }

    [Fact]
    public void Split_SmallClasses_TwoRowsGiveOneAndOneRowStaysInTraining()
    {
        var labels = Labels(2, 1, 3);

        var split = StratifiedSplitter.Split(labels, 0.1, seed: 0);

        Assert.Equal([1, 0, 1], CountPerClass(labels, split.Validation, 3));
    }

    [Fact]
    public void Split_LargeFraction_KeepsEveryClassInTraining()
    {
        var labels = Labels(3, 3);

        var split = StratifiedSplitter.Split(labels, 0.9, seed: 0);

        Assert.Equal([2, 2], CountPerClass(labels, split.Validation, 2));
    }

    [Fact]
    public void SplitShuffled_SameSeed_IdenticalAndRoundedShare()
    {
        var first = StratifiedSplitter.SplitShuffled(101, 0.2, seed: 4);
        var second = StratifiedSplitter.SplitShuffled(101, 0.2, seed: 4);
        var other = StratifiedSplitter.SplitShuffled(101, 0.2, seed: 5);

        Assert.Equal(20, first.Validation.Length);
        Assert.Equal(81, first.Train.Length);
        Assert.Equal(first.Validation, second.Validation);
        Assert.NotEqual(first.Validation, other.Validation);
        Assert.Equal(Enumerable.Range(0, 101), first.Train.Concat(first.Validation).Order());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Split_FractionOutOfRange_Throws(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplitter.Split(Labels(5, 5), fraction, 0));
    }

    private static int[] CountPerClass(long[] labels, int[] rows, int classes)
    {
        var counts = new int[classes];
        foreach (var row in rows)
        {
            counts[labels[row]]++;
        }

        return counts;
    }
}
