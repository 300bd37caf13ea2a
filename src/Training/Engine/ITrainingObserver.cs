namespace HyperTune.Training.Engine;

/// <summary>
/// Hears a run's progress. Epoch reports arrive on the training thread and checkpoint notices on the writer's
/// thread, so implementations must be quick and thread-safe (hand the data on, don't work on it).
/// </summary>
public interface ITrainingObserver
{
    /// <summary>An epoch finished.</summary>
    void OnEpochCompleted(EpochReport report);

    /// <summary>A checkpoint was written to the store.</summary>
    void OnCheckpointSaved(CheckpointSaved checkpoint)
    {
    }

    /// <summary>A checkpoint could not be written; training goes on.</summary>
    void OnCheckpointFailed(string runId, int epoch, Exception error)
    {
    }
}
