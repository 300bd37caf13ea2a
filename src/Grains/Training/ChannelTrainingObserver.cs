using HyperTune.Training.Engine;

namespace HyperTune.Grains.Training;

/// <summary>Passes a run's progress from the training thread to its grain; never blocks training.</summary>
internal sealed class ChannelTrainingObserver(SignallingWriter writer) : ITrainingObserver
{
    public void OnEpochCompleted(EpochReport report) => writer.Write(new TrainingSignal.Epoch(report));

    public void OnCheckpointSaved(CheckpointSaved checkpoint) => writer.Write(new TrainingSignal.Checkpoint(checkpoint));

    public void OnCheckpointFailed(string runId, int epoch, Exception error) => writer.Write(new TrainingSignal.CheckpointFailed(epoch, error.Message));
}
