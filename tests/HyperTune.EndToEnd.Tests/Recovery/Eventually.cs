namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// Waits for a condition that no notification announces, checking it every 100 ms. A check that throws counts as not
/// yet (a silo may be dying); the last exception is reported on timeout.
/// </summary>
public static class Eventually
{
    /// <summary>Completes once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> with <paramref name="diagnostics"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        using var expiry = new CancellationTokenSource(timeout);
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !expiry.IsCancellationRequested)
            {
                last = e;
            }

            try
            {
                await ticks.WaitForNextTickAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout} waiting until {what}.{Environment.NewLine}Last error: {last?.Message ?? "none"}{Environment.NewLine}{diagnostics?.Invoke()}", last);
            }
        }
    }
}
