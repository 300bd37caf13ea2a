using HyperTune.Search.Randomness;

namespace HyperTune.Search.Tests.Randomness;

public sealed class PortableRandomTests
{
    [Fact]
    public void NextUInt64_SeedZero_MatchesReferenceXoshiro256StarStar()
    {
        var random = new PortableRandom(0);

        Assert.Equal(0x99EC5F36CB75F2B4UL, random.NextUInt64());
        Assert.Equal(0xBF6E1F784956452AUL, random.NextUInt64());
        Assert.Equal(0x1A5F849D4933E6E0UL, random.NextUInt64());
    }

    [Fact]
    public void NextDouble_SameSeed_SameSequence()
    {
        var a = new PortableRandom(42);
        var b = new PortableRandom(42);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextDouble()), Enumerable.Range(0, 100).Select(_ => b.NextDouble()));
    }

    [Fact]
    public void NextDouble_DifferentSeeds_DifferentSequences() =>
        Assert.NotEqual(new PortableRandom(1).NextDouble(), new PortableRandom(2).NextDouble());

    [Fact]
    public void FromState_SavedMidway_ContinuesIdentically()
    {
        var original = new PortableRandom(7);
        for (var i = 0; i < 13; i++)
        {
            original.NextUInt64();
        }

        var restored = PortableRandom.FromState(original.SaveState());

        Assert.Equal(Enumerable.Range(0, 50).Select(_ => original.NextInt64(1000)), Enumerable.Range(0, 50).Select(_ => restored.NextInt64(1000)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void FromState_Malformed_Throws(string state) => Assert.Throws<FormatException>(() => PortableRandom.FromState(state));

    [Fact]
    public void Next_Range_StaysInsideAndHitsEveryValue()
    {
        var random = new PortableRandom(3);
        var seen = new HashSet<int>();
        for (var i = 0; i < 10_000; i++)
        {
            var value = random.Next(-3, 4);
            Assert.InRange(value, -3, 3);
            seen.Add(value);
        }

        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public void NextDouble_TenThousand_InUnitIntervalWithMeanNearHalf()
    {
        var random = new PortableRandom(5);
        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToList();

        Assert.All(values, v => Assert.InRange(v, 0.0, Math.BitDecrement(1.0)));
        Assert.InRange(values.Average(), 0.48, 0.52);
    }

    [Fact]
    public void NextInt64_EqualBounds_ReturnsBound() => Assert.Equal(5L, new PortableRandom(1).NextInt64(5, 5));

    [Fact]
    public void NextBytes_OddLength_FillsEveryByte()
    {
        var buffer = new byte[13];
        new PortableRandom(9).NextBytes(buffer);

        Assert.Contains(buffer, b => b != 0);
        Assert.NotEqual(0, buffer[12] | buffer[11] | buffer[10]);
    }
}
