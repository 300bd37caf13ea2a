namespace HyperTune.Cli.Watching;

/// <summary>
/// Redraws a live display at most once per <paramref name="interval"/>, and only when something changed since the last
/// draw: events mark it changed (<see cref="Invalidate"/>), a timer draws. So a study reporting hundreds of epochs a
/// second redraws twice a second at 500 ms, and a quiet one not at all.
/// </summary>
/// <param name="time">The clock of the timer.</param>
/// <param name="interval">The shortest time between two draws.</param>
/// <param name="draw">Draws the display.</param>
internal sealed class RedrawLoop(TimeProvider time, TimeSpan interval, Action draw)
{
    private int _dirty;
    private int _draws;

    /// <summary>How many times it drew.</summary>
    public int Draws => Volatile.Read(ref _draws);

    /// <summary>Something changed: the next tick draws.</summary>
    public void Invalidate() => Volatile.Write(ref _dirty, 1);

    /// <summary>Draws at every tick that follows a change, until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Flush();
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended.
        }
    }

    /// <summary>Draws now if anything changed since the last draw (the final picture at the end).</summary>
    public void Flush()
    {
        if (Interlocked.Exchange(ref _dirty, 0) == 1)
        {
            draw();
            Interlocked.Increment(ref _draws);
        }
    }
}
