using HyperTune.Search.Collections;

namespace HyperTune.Search.Tests.Collections;

public sealed class OrderedMultisetTests
{
    [Fact]
    public void Indexer_RandomAddsAndRemoves_EqualsTheSortedList()
    {
        var random = new Random(3);
        var set = new OrderedMultiset();
        var list = new List<double>();
        for (var i = 0; i < 5000; i++)
        {
            if (list.Count > 0 && random.Next(3) == 0)
            {
                var value = list[random.Next(list.Count)];
                Assert.True(set.Remove(value));
                list.Remove(value);
            }
            else
            {
                var value = random.Next(10) == 0 ? double.NegativeInfinity : Math.Round(random.NextDouble(), 2); // many repeats
                set.Add(value);
                list.Add(value);
            }

            if (i % 97 == 0)
            {
                list.Sort();
                Assert.Equal(list, set);
                Assert.Equal(list.Count, set.Count);
                Assert.All(Enumerable.Range(0, list.Count), k => Assert.Equal(list[k], set[k]));
            }
        }
    }

    [Fact]
    public void Remove_Absent_FalseAndNothingChanges()
    {
        OrderedMultiset set = [1, 2, 2];

        Assert.False(set.Remove(3));
        Assert.True(set.Remove(2));
        Assert.Equal([1, 2], set);
    }

    [Fact]
    public void Indexer_NaNAndSignedZeros_OrderedNaNFirstThenMinusZeroBeforeZero()
    {
        OrderedMultiset set = [0.0, double.NaN, -0.0, double.NegativeInfinity, 1, -0.0];

        Assert.True(double.IsNaN(set[0]));
        Assert.Equal(double.NegativeInfinity, set[1]);
        Assert.True(double.IsNegative(set[2]) && double.IsNegative(set[3]) && set[3] == 0);
        Assert.False(double.IsNegative(set[4]));
        Assert.Equal(1, set[5]);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        OrderedMultiset set = [1];

        Assert.Throws<ArgumentOutOfRangeException>(() => set[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => set[-1]);
    }

    [Fact]
    public void Clear_ThenAdd_HoldsOnlyTheNewValues()
    {
        OrderedMultiset set = [3, 1, 2];

        set.Clear();
        set.Add(5);

        Assert.Equal([5], set);
    }
}
