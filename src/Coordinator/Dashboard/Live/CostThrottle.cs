namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Spaces out a recomputation by what it costs: after a run that took t, the next is due once <see cref="Factor"/>·t has
/// passed, so it never takes more than about 1/<see cref="Factor"/> of a core however often its input changes (a
/// 10,000-trial study's analysis, rebuilt on every new best). Cheap runs (a small study's) are always due.
/// </summary>
/// <param name="time">The clock.</param>
public sealed class CostThrottle(TimeProvider time)
{
    /// <summary>How many times its own cost must pass between two runs.</summary>
    public const int Factor = 10;

    private long _last;
    private TimeSpan _cost;

    /// <summary>How long until the next run is due; zero or less when it is due now.</summary>
    public TimeSpan DueIn => _last == 0 ? TimeSpan.Zero : _cost * Factor - time.GetElapsedTime(_last);

    /// <summary>Runs <paramref name="work"/> and records its cost.</summary>
    public void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = time.GetTimestamp();
        work();
        _cost = time.GetElapsedTime(started);
        _last = time.GetTimestamp();
    }
}
