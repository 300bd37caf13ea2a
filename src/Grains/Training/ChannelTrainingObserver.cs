using System.Threading.Channels;
using HyperTune.Training.Engine;

namespace HyperTune.Grains.Training;

/// <summary>Passes a run's progress from the training thread to its grain through a channel; never blocks training.</summary>
internal sealed class ChannelTrainingObserver(ChannelWriter<TrainingSignal> writer) : ITrainingObserver
{
    public void OnEpochCompleted(EpochReport report) => writer.TryWrite(new TrainingSignal.Epoch(report));

    public void OnCheckpointSaved(CheckpointSaved checkpoint) => writer.TryWrite(new TrainingSignal.Checkpoint(checkpoint));

    public void OnCheckpointFailed(string runId, int epoch, Exception error) => writer.TryWrite(new TrainingSignal.CheckpointFailed(epoch, error.Message));
}
