using HyperTune.Search.Randomness;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Spaces;

public sealed class IntDomainTests
{
    [Fact]
    public void Sample_TenThousand_InsideBoundsAndEveryValue()
    {
        var domain = new IntDomain(1, 3);
        var random = new PortableRandom(1);
        var counts = Enumerable.Range(0, 10_000).Select(_ => domain.Sample(random)).GroupBy(v => v.AsInt64()).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1L, 2L, 3L], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 3100, 3560));
    }

    [Fact]
    public void Sample_WithStep_LandsOnLowPlusMultipleOfStep()
    {
        var domain = new IntDomain(1, 10, Step: 4);
        var random = new PortableRandom(2);
        var seen = Enumerable.Range(0, 10_000).Select(_ => domain.Sample(random).AsInt64()).ToHashSet();

        Assert.Equal([1L, 5L, 9L], seen.Order());
    }

    [Fact]
    public void Sample_Log_InsideBoundsAndFavoursSmallValues()
    {
        var domain = new IntDomain(1, 100, Log: true);
        var random = new PortableRandom(3);
        var values = Enumerable.Range(0, 10_000).Select(_ => domain.Sample(random).AsInt64()).ToList();

        Assert.All(values, v => Assert.InRange(v, 1L, 100L));
        Assert.Contains(1L, values);
        Assert.Contains(100L, values);
        Assert.True(values.Count(v => v <= 10) > 4 * values.Count(v => v > 90));
    }

    [Fact]
    public void Enumerate_WithStep_EveryStepAscending() =>
        Assert.Equal([2L, 5L, 8L, 11L], new IntDomain(2, 11, Step: 3).Enumerate().Select(v => v.AsInt64()));

    [Fact]
    public void PointCount_WithStep_CountsReachablePoints() => Assert.Equal(3, new IntDomain(1, 10, Step: 4).PointCount);

    [Fact]
    public void Contains_OffStep_False()
    {
        var domain = new IntDomain(1, 10, Step: 4);

        Assert.True(domain.Contains(ParameterValue.Of(5L)));
        Assert.False(domain.Contains(ParameterValue.Of(6L)));
        Assert.False(domain.Contains(ParameterValue.Of(5.0)));
    }

    [Theory]
    [InlineData(1, 10, 0, false, "$.p.step")]
    [InlineData(1, 10, 2, true, "$.p.step")]
    [InlineData(0, 10, 1, true, "$.p.low")]
    [InlineData(5, 5, 1, false, "$.p.low")]
    public void Validate_BadDomain_ReportsPath(long low, long high, long step, bool log, string path) =>
        Assert.Contains(new IntDomain(low, high, step, log).Validate("$.p"), e => e.Path == path);

    [Theory]
    [InlineData(1, 3, 1, 2)] // odd number of points: the middle one
    [InlineData(1, 4, 1, 2)] // even: the lower of the two middle ones
    [InlineData(16, 256, 16, 128)] // 16 points; (16 + 256) / 2 = 136 is off the grid
    [InlineData(1, 10, 4, 5)] // 1, 5, 9
    [InlineData(2, 11, 3, 5)] // 2, 5, 8, 11
    [InlineData(0, 12, 5, 5)] // 0, 5, 10 (12 is not reached)
    [InlineData(-10, 10, 1, 0)]
    public void Center_Linear_MiddleOnTheStepGrid(long low, long high, long step, long expected)
    {
        var domain = new IntDomain(low, high, step);
        var center = domain.Center;

        Assert.Equal(ParameterValue.Of(expected), center);
        Assert.True(domain.Contains(center));
    }

    [Theory]
    [InlineData(1, 100, 10)]
    [InlineData(8, 16, 11)] // √128 ≈ 11.3
    [InlineData(16, 1024, 128)]
    [InlineData(1, 2, 1)] // √2 ≈ 1.41
    public void Center_Log_GeometricMiddleRounded(long low, long high, long expected) =>
        Assert.Equal(ParameterValue.Of(expected), new IntDomain(low, high, Log: true).Center);

    [Fact]
    public void Center_Invalid_Throws() => Assert.Throws<InvalidOperationException>(() => new IntDomain(5, 5).Center);
}
