namespace HyperTune.Cli.Api.Models;

/// <summary>The study states of the API.</summary>
internal static class StudyStates
{
    /// <summary>True for a state a study never leaves; its event stream ends after it.</summary>
    public static bool IsFinished(string state) =>
        string.Equals(state, "Completed", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(state, "Stopped", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(state, "Failed", StringComparison.OrdinalIgnoreCase);
}
