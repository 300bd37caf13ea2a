namespace HyperTune.Abstractions.Studies;

/// <summary>Questions about <see cref="StudyState"/>s.</summary>
public static class StudyStateExtensions
{
    /// <summary>True for the states a study never leaves.</summary>
    public static bool IsFinished(this StudyState state) => state is StudyState.Completed or StudyState.Stopped or StudyState.Failed;
}
