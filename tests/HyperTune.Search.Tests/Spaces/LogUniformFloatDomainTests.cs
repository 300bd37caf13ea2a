using HyperTune.Search.Randomness;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Spaces;

public sealed class LogUniformFloatDomainTests
{
    [Fact]
    public void Sample_TenThousand_InsideBounds()
    {
        var domain = new LogUniformFloatDomain(1e-5, 1);
        var random = new PortableRandom(11);

        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.InRange(domain.Sample(random).AsDouble(), 1e-5, 1));
    }

    [Fact]
    public void Sample_TenThousand_AboutEqualCountPerDecade()
    {
        var domain = new LogUniformFloatDomain(1e-5, 1);
        var random = new PortableRandom(12);
        var counts = new int[5];
        for (var i = 0; i < 10_000; i++)
        {
            var decade = (int)Math.Floor(Math.Log10(domain.Sample(random).AsDouble()) + 5);
            counts[Math.Min(decade, 4)]++;
        }

        // 2,000 expected per decade; a uniform (not log-uniform) sampler would put ~9,000 in the top decade.
        Assert.All(counts, c => Assert.InRange(c, 1850, 2150));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Validate_LowNotPositive_ReportsLow(double low) =>
        Assert.Equal("$.lr.low", new LogUniformFloatDomain(low, 1).Validate("$.lr").First().Path);

    [Fact]
    public void Validate_ValidBounds_NoErrors() => Assert.Empty(new LogUniformFloatDomain(1e-5, 1).Validate("$"));

    [Theory]
    [InlineData(1e-4, 1e-2, 1e-3)]
    [InlineData(1e-5, 1.0, 3.1622776601683794e-3)]
    [InlineData(1e-6, 1e-2, 1e-4)]
    public void Center_Range_GeometricMean(double low, double high, double expected)
    {
        var center = new LogUniformFloatDomain(low, high).Center;

        Assert.Equal(ParameterValueKind.Float, center.Kind);
        Assert.Equal(expected, center.AsDouble(), expected * 1e-12);
    }

    [Fact]
    public void Center_FarApart_NoOverflowAndInsideBounds() =>
        Assert.Equal(1.0, new LogUniformFloatDomain(1e-300, 1e300).Center.AsDouble(), 1e-9);

    [Fact]
    public void Center_LowNotPositive_Throws() => Assert.Throws<InvalidOperationException>(() => new LogUniformFloatDomain(0, 1).Center);
}
