namespace HyperTune.Testing;

/// <summary>
/// Waits for a condition that no notification announces, checking it every 100 ms. A check that throws counts as not
/// yet (a silo may be dying); the last exception is reported on timeout.
/// </summary>
internal static class Eventually
{
    /// <summary>
    /// Completes once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (default 1 min) with
    /// <paramref name="diagnostics"/>.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? diagnostics = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(1);
        using var expiry = new CancellationTokenSource(limit);
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
                    $"Timed out after {limit} waiting until {what}.{Environment.NewLine}Last error: {last?.Message ?? "none"}{Environment.NewLine}{diagnostics?.Invoke()}", last);
            }
        }
    }
}
