namespace HyperTune.Cli.Api.Models;

/// <summary>The trial states of the API, in the order a trial lives them.</summary>
internal static class TrialStates
{
    public static readonly IReadOnlyList<string> All =
        ["Pending", "Running", "Paused", "Completed", "Stopped", "Pruned", "Diverged", "Failed"];

    private static readonly HashSet<string> Finished = new(StringComparer.OrdinalIgnoreCase)
    {
        "Completed", "Stopped", "Pruned", "Diverged", "Failed",
    };

    /// <summary>True for a state a trial never leaves (names compare ignoring case).</summary>
    public static bool IsFinished(string state) => Finished.Contains(state);

    /// <summary>True for one of <see cref="All"/> (ignoring case).</summary>
    public static bool IsKnown(string state) => All.Contains(state, StringComparer.OrdinalIgnoreCase);
}
