namespace HyperTune.Training.Engine;

/// <summary>How a training run ended.</summary>
public enum TrainingStatus
{
    /// <summary>It trained every epoch.</summary>
    Completed,

    /// <summary>It was stopped by a command or cancellation.</summary>
    Stopped,

    /// <summary>Its loss became NaN or infinite, or grew past the divergence factor.</summary>
    Diverged,

    /// <summary>It could not go on because of an error; the reason says which.</summary>
    Failed,
}
