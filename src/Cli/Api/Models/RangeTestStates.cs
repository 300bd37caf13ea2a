namespace HyperTune.Cli.Api.Models;

/// <summary>The states of a range test.</summary>
internal static class RangeTestStates
{
    public const string Running = "Running";

    public const string Completed = "Completed";

    public const string Failed = "Failed";

    /// <summary>True for a state a test never leaves (names compare ignoring case).</summary>
    public static bool IsFinished(string state) =>
        string.Equals(state, Completed, StringComparison.OrdinalIgnoreCase) || string.Equals(state, Failed, StringComparison.OrdinalIgnoreCase);
}
