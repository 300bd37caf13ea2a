using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;

namespace HyperTune.Training.Engine;

/// <summary>
/// Serializes and writes a run's checkpoints to its store off the training thread, one at a time and in order. At most one write
/// is in flight: a new checkpoint waits for the previous write, which bounds memory.
/// </summary>
internal sealed class CheckpointWriter(string runId, ICheckpointStore store, ITrainingObserver? observer, TimeProvider time)
{
    private readonly MemoryStream _buffer = new();
    private Task _inFlight = Task.CompletedTask;

    /// <summary>
    /// Starts serializing and writing <paramref name="checkpoint"/> on another thread. The caller must have called
    /// <see cref="Drain"/> before capturing it, since capture buffers are reused.
    /// </summary>
    public void Enqueue(TrainingCheckpoint checkpoint, TimeSpan captureTime)
    {
        Drain();
        _inFlight = Task.Run(() => WriteAsync(checkpoint, captureTime));
    }

    /// <summary>Waits until every checkpoint enqueued so far is written (or has failed and been reported).</summary>
    public void Drain() => _inFlight.Wait();

    private async Task WriteAsync(TrainingCheckpoint checkpoint, TimeSpan captureTime)
    {
        var started = time.GetTimestamp();
        try
        {
            _buffer.SetLength(0);
            CheckpointSerializer.Serialize(checkpoint, _buffer);
            var data = _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);
            await store.SaveAsync(runId, checkpoint.Epoch, data).ConfigureAwait(false);
            observer?.OnCheckpointSaved(new CheckpointSaved(runId, checkpoint.Epoch, checkpoint.Step, data.Length, captureTime, time.GetElapsedTime(started)));
        }
        catch (Exception e)
        {
            observer?.OnCheckpointFailed(runId, checkpoint.Epoch, e);
        }
    }
}
