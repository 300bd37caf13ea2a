namespace HyperTune.Grains.Tests;

/// <summary>Waits for a condition that no notification announces (such as files a paused run has finished writing).</summary>
public static class Eventually
{
    /// <summary>Completes once <paramref name="condition"/> holds, checking every 50 ms; fails after <paramref name="timeout"/> (default 1 min).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var expiry = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            try
            {
                await ticks.WaitForNextTickAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
        }
    }
}
