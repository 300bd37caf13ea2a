namespace HyperTune.Coordinator.Events;

/// <summary>The <c>event:</c> names of the live study stream.</summary>
public static class StudyEventNames
{
    /// <summary>A study's status; data is a study.</summary>
    public const string Study = "study";

    /// <summary>A trial's status; data is a trial.</summary>
    public const string Trial = "trial";

    /// <summary>A trial's finished epoch; data is the epoch report.</summary>
    public const string Epoch = "epoch";
}
