using HyperTune.Cli.Watching;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Cli.Tests.Watching;

public sealed class RedrawLoopTests
{
    [Fact]
    public async Task RunAsync_ManyChangesBetweenTicks_DrawsOncePerTickAndNotWhenNothingChanged()
    {
        var time = new FakeTimeProvider();
        var drawn = new SemaphoreSlim(0);
        var loop = new RedrawLoop(time, TimeSpan.FromMilliseconds(500), () => drawn.Release());
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);

        for (var i = 0; i < 100; i++)
        {
            loop.Invalidate();
        }

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, loop.Draws);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await drawn.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, loop.Draws);

        time.Advance(TimeSpan.FromMilliseconds(500)); // nothing changed: no draw
        loop.Invalidate();
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(await drawn.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, loop.Draws);

        await stop.CancelAsync();
        await running;
        loop.Flush();
        Assert.Equal(2, loop.Draws);
    }
}
