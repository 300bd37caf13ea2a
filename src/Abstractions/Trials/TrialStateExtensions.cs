namespace HyperTune.Abstractions.Trials;

/// <summary>Questions about <see cref="TrialState"/>s.</summary>
public static class TrialStateExtensions
{
    /// <summary>True for the states a trial never leaves.</summary>
    public static bool IsFinished(this TrialState state) =>
        state is TrialState.Completed or TrialState.Stopped or TrialState.Pruned or TrialState.Diverged or TrialState.Failed;

    /// <summary>True while the trial holds a training slot.</summary>
    public static bool IsActive(this TrialState state) => state is TrialState.Running or TrialState.Paused;
}
