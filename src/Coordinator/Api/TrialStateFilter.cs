using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Api;

/// <summary>The <c>status</c> filter of a trial list: a trial state's name, case-insensitive.</summary>
internal static class TrialStateFilter
{
    /// <summary>The valid values, for messages.</summary>
    public static string ValidStates { get; } = string.Join(", ", Enum.GetNames<TrialState>());

    /// <summary>Reads <paramref name="status"/>; null or empty means no filter. False when it names no state.</summary>
    public static bool TryParse(string? status, out TrialState? state)
    {
        state = null;
        if (string.IsNullOrEmpty(status))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<TrialState>())
        {
            if (string.Equals(candidate.ToString(), status, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        return false;
    }
}
