using HyperTune.Silo.Hosting;

namespace HyperTune.Silo.Tests.Hosting;

public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Measure_StoreAheadByTenSeconds_ComparesWithTheMidpointOfTheCall()
    {
        var skew = ClockSkew.Measure(Sent, Sent.AddMilliseconds(200), Sent.AddMilliseconds(100).AddSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), skew.Offset);
        Assert.Equal(TimeSpan.FromMilliseconds(100), skew.Uncertainty);
        Assert.True(skew.Exceeds(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Measure_StoreBehind_IsANegativeOffsetThatCountsAlike()
    {
        var skew = ClockSkew.Measure(Sent, Sent, Sent.AddSeconds(-6));

        Assert.Equal(TimeSpan.FromSeconds(-6), skew.Offset);
        Assert.True(skew.Exceeds(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Exceeds_OffsetWithinTheRoundTrip_IsNotHeldAgainstTheSilo()
    {
        // 6 s off, but the call took 4 s: the clocks may be only 4 s apart.
        var skew = ClockSkew.Measure(Sent, Sent.AddSeconds(4), Sent.AddSeconds(8));

        Assert.False(skew.Exceeds(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Exceeds_ZeroLimit_TurnsTheCheckOff()
    {
        Assert.False(ClockSkew.Measure(Sent, Sent, Sent.AddHours(3)).Exceeds(TimeSpan.Zero));
    }
}
