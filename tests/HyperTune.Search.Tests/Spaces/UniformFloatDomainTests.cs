using HyperTune.Search.Randomness;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Spaces;

public sealed class UniformFloatDomainTests
{
    [Fact]
    public void Sample_TenThousand_InsideBoundsAndSpread()
    {
        var domain = new UniformFloatDomain(0.1, 0.9);
        var random = new PortableRandom(1);
        var values = Enumerable.Range(0, 10_000).Select(_ => domain.Sample(random)).ToList();

        Assert.All(values, v => Assert.Equal(ParameterValueKind.Float, v.Kind));
        Assert.All(values, v => Assert.InRange(v.AsDouble(), 0.1, 0.9));
        Assert.InRange(values.Average(v => v.AsDouble()), 0.49, 0.51);
        var quarters = values.GroupBy(v => (int)((v.AsDouble() - 0.1) / 0.2)).Select(g => g.Count()).ToList();
        Assert.Equal(4, quarters.Count);
        Assert.All(quarters, c => Assert.InRange(c, 2300, 2700));
    }

    [Fact]
    public void Sample_NarrowRange_NeverExceedsBounds()
    {
        var domain = new UniformFloatDomain(1.0, Math.BitIncrement(1.0));
        var random = new PortableRandom(2);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.InRange(domain.Sample(random).AsDouble(), 1.0, Math.BitIncrement(1.0)));
    }

    [Fact]
    public void Validate_LowNotBelowHigh_ReportsLow()
    {
        var error = Assert.Single(new UniformFloatDomain(0.9, 0.1).Validate("$.x"));

        Assert.Equal("$.x.low", error.Path);
    }

    [Fact]
    public void Validate_NotFinite_ReportsBound() =>
        Assert.Equal("$.x.high", Assert.Single(new UniformFloatDomain(0, double.PositiveInfinity).Validate("$.x")).Path);

    [Fact]
    public void Sample_Invalid_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new UniformFloatDomain(1, 0).Sample(new PortableRandom(0)));

    [Fact]
    public void Enumerate_Continuous_Throws() =>
        Assert.Throws<NotSupportedException>(() => new UniformFloatDomain(0, 1).Enumerate().ToList());

    [Theory]
    [InlineData(0.1, 0.9, 0.5)]
    [InlineData(-1.0, 3.0, 1.0)]
    [InlineData(0.0, 0.95, 0.475)]
    public void Center_Range_Midpoint(double low, double high, double expected)
    {
        var center = new UniformFloatDomain(low, high).Center;

        Assert.Equal(ParameterValueKind.Float, center.Kind);
        Assert.Equal(expected, center.AsDouble(), 15);
    }

    [Fact]
    public void Center_Invalid_Throws() => Assert.Throws<InvalidOperationException>(() => new UniformFloatDomain(1, 0).Center);
}
