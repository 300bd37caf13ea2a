using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Training.Tests.Synthetic;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that signals each timer created and disposed, so a test advances the clock only
/// once the code under test waits on a timer (or has stopped waiting on one).
/// </summary>
internal sealed class WatchedTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _created = new(0);
    private readonly SemaphoreSlim _disposed = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), _disposed);
        _created.Release();
        return timer;
    }

    /// <summary>Completes when the next timer has been created.</summary>
    public async Task TimerCreatedAsync() => Assert.True(await _created.WaitAsync(Timeout), "no timer was created");

    /// <summary>Completes when the next timer has been disposed.</summary>
    public async Task TimerDisposedAsync() => Assert.True(await _disposed.WaitAsync(Timeout), "no timer was disposed");

    private sealed class WatchedTimer(ITimer inner, SemaphoreSlim disposed) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            inner.Dispose();
            Signal();
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            Signal();
        }

        private void Signal()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                disposed.Release();
            }
        }
    }
}
