using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// What a study's trials are doing now, from their states: running (holding a slot and training), paused (holding a
/// slot), waiting (Pending: started, waiting for a slot) and finished. A waiting trial is never counted as running.
/// </summary>
/// <param name="Running">Trials in <see cref="TrialState.Running"/>.</param>
/// <param name="Paused">Trials in <see cref="TrialState.Paused"/>.</param>
/// <param name="Waiting">Trials in <see cref="TrialState.Pending"/>.</param>
/// <param name="Finished">Trials in a finished state.</param>
public sealed record TrialActivity(int Running, int Paused, int Waiting, int Finished)
{
    /// <summary>The activity of trials counted per state (a study's <c>TrialCounts</c>).</summary>
    public static TrialActivity Of(IEnumerable<KeyValuePair<TrialState, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (running, paused, waiting, finished) = (0, 0, 0, 0);
        foreach (var (state, n) in counts)
        {
            switch (state)
            {
                case TrialState.Running: running += n; break;
                case TrialState.Paused: paused += n; break;
                case TrialState.Pending: waiting += n; break;
                case var s when s.IsFinished(): finished += n; break;
            }
        }

        return new TrialActivity(running, paused, waiting, finished);
    }

    /// <summary>The activity of <paramref name="states"/>, one per trial.</summary>
    public static TrialActivity Of(IEnumerable<TrialState> states) =>
        Of(states.GroupBy(s => s).Select(g => KeyValuePair.Create(g.Key, g.Count())));

    /// <summary>Trials holding a slot: running or paused.</summary>
    public int HoldingSlots => Running + Paused;

    /// <summary>The trials not finished, e.g. <c>3 running · 1 waiting</c> (zeros left out); "none active" when all are.</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        if (Running > 0)
        {
            parts.Add($"{Running} running");
        }

        if (Paused > 0)
        {
            parts.Add($"{Paused} paused");
        }

        if (Waiting > 0)
        {
            parts.Add($"{Waiting} waiting");
        }

        return parts.Count == 0 ? "none active" : string.Join(" · ", parts);
    }
}
