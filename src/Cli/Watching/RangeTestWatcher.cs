using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Watching;

/// <summary>
/// Follows a learning-rate range test by asking for its status every <paramref name="interval"/> until it completes or
/// fails, telling <paramref name="progressed"/> whenever it has taken new steps.
/// </summary>
/// <param name="read">Reads the test's status (<c>GET /api/lr-range-tests/{id}</c> or a study's).</param>
/// <param name="interval">The pause between two reads.</param>
/// <param name="progressed">Hears a running test's status whenever its step count changed.</param>
internal sealed class RangeTestWatcher(Func<CancellationToken, Task<RangeTest>> read, TimeSpan interval, Action<RangeTest> progressed)
{
    /// <summary>Polls from <paramref name="current"/> (the status already read) until the test finishes; returns its last status.</summary>
    public async Task<RangeTest> WatchAsync(RangeTest current, CancellationToken cancellationToken)
    {
        var shown = -1;
        while (!RangeTestStates.IsFinished(current.State))
        {
            if (current.Points.Count != shown)
            {
                shown = current.Points.Count;
                progressed(current);
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            current = await read(cancellationToken).ConfigureAwait(false);
        }

        return current;
    }
}
