using System.Collections.Concurrent;
using HyperTune.Training.Engine;

namespace HyperTune.Training.Tests.Engine;

/// <summary>Collects what a run reports; an optional callback runs on the training thread after each epoch.</summary>
internal sealed class RecordingObserver(Action<EpochReport>? onEpoch = null) : ITrainingObserver
{
    public ConcurrentQueue<EpochReport> Epochs { get; } = new();

    public ConcurrentQueue<CheckpointSaved> Checkpoints { get; } = new();

    public ConcurrentQueue<Exception> CheckpointErrors { get; } = new();

    private readonly ConcurrentDictionary<int, TaskCompletionSource> _epochWaiters = new();

    public EpochReport Epoch(int epoch) => Epochs.Single(r => r.Epoch == epoch);

    /// <summary>Completes once epoch <paramref name="epoch"/> has been reported (and its callback has run).</summary>
    public Task WhenEpoch(int epoch) => Waiter(epoch).Task;

    public void OnEpochCompleted(EpochReport report)
    {
        Epochs.Enqueue(report);
        onEpoch?.Invoke(report);
        Waiter(report.Epoch).TrySetResult();
    }

    private TaskCompletionSource Waiter(int epoch) =>
        _epochWaiters.GetOrAdd(epoch, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void OnCheckpointSaved(CheckpointSaved checkpoint) => Checkpoints.Enqueue(checkpoint);

    public void OnCheckpointFailed(string runId, int epoch, Exception error) => CheckpointErrors.Enqueue(error);
}
