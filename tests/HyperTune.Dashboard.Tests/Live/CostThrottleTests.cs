using HyperTune.Coordinator.Dashboard.Live;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Dashboard.Tests.Live;

public sealed class CostThrottleTests
{
    [Fact]
    public void DueIn_AfterARun_IsTenTimesItsCostThenCountsDown()
    {
        var time = new FakeTimeProvider();
        var throttle = new CostThrottle(time);
        Assert.True(throttle.DueIn <= TimeSpan.Zero); // never ran: due

        throttle.Run(() => time.Advance(TimeSpan.FromMilliseconds(100)));

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.DueIn);
        time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(TimeSpan.FromMilliseconds(400), throttle.DueIn);
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(throttle.DueIn <= TimeSpan.Zero);
    }

    [Fact]
    public void DueIn_CheapRun_IsDueAlmostAtOnce()
    {
        var time = new FakeTimeProvider();
        var throttle = new CostThrottle(time);

        throttle.Run(() => time.Advance(TimeSpan.FromMilliseconds(1)));
        time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.True(throttle.DueIn <= TimeSpan.Zero);
    }
}
