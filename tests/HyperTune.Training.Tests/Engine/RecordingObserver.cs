using System.Collections.Concurrent;
using HyperTune.Training.Engine;

namespace HyperTune.Training.Tests.Engine;

/// <summary>Collects what a run reports; an optional callback runs on the training thread after each epoch.</summary>
internal sealed class RecordingObserver(Action<EpochReport>? onEpoch = null) : ITrainingObserver
{
    public ConcurrentQueue<EpochReport> Epochs { get; } = new();

    public ConcurrentQueue<CheckpointSaved> Checkpoints { get; } = new();

    public ConcurrentQueue<Exception> CheckpointErrors { get; } = new();

    public EpochReport Epoch(int epoch) => Epochs.Single(r => r.Epoch == epoch);

    public void OnEpochCompleted(EpochReport report)
    {
        Epochs.Enqueue(report);
        onEpoch?.Invoke(report);
    }

    public void OnCheckpointSaved(CheckpointSaved checkpoint) => Checkpoints.Enqueue(checkpoint);

    public void OnCheckpointFailed(string runId, int epoch, Exception error) => CheckpointErrors.Enqueue(error);
}
