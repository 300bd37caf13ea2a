namespace HyperTune.Abstractions.Trials;

/// <summary>
/// The life of a trial: Pending → Running ⇄ Paused → one of the finished states.
/// </summary>
[GenerateSerializer]
public enum TrialState
{
    /// <summary>Created, waiting for a training slot or for its data.</summary>
    Pending,

    /// <summary>Training.</summary>
    Running,

    /// <summary>Paused between two steps; resumes on command.</summary>
    Paused,

    /// <summary>Trained every epoch.</summary>
    Completed,

    /// <summary>Stopped by a person or by its study.</summary>
    Stopped,

    /// <summary>Stopped early by the study's scheduler because it was unpromising.</summary>
    Pruned,

    /// <summary>Its loss became NaN or infinite, or grew past the divergence factor.</summary>
    Diverged,

    /// <summary>An error ended it; the reason says which.</summary>
    Failed,
}
