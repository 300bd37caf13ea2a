using HyperTune.Training.Checkpoints;

namespace HyperTune.Training.Engine;

/// <summary>
/// Writes a run's checkpoints to its store off the training thread, one at a time and in order. At most one write
/// is in flight: a new checkpoint waits for the previous write, which bounds memory.
/// </summary>
internal sealed class CheckpointWriter(string runId, ICheckpointStore store, ITrainingObserver? observer, TimeProvider time)
{
    private Task _inFlight = Task.CompletedTask;

    /// <summary>Starts writing <paramref name="data"/>; waits first for the previous write to finish.</summary>
    public void Enqueue(int epoch, long step, byte[] data, TimeSpan captureTime)
    {
        _inFlight.Wait();
        _inFlight = Task.Run(() => WriteAsync(epoch, step, data, captureTime));
    }

    /// <summary>Waits until every checkpoint enqueued so far is written (or has failed and been reported).</summary>
    public void Drain() => _inFlight.Wait();

    private async Task WriteAsync(int epoch, long step, byte[] data, TimeSpan captureTime)
    {
        var started = time.GetTimestamp();
        try
        {
            await store.SaveAsync(runId, epoch, data).ConfigureAwait(false);
            observer?.OnCheckpointSaved(new CheckpointSaved(runId, epoch, step, data.LongLength, captureTime, time.GetElapsedTime(started)));
        }
        catch (Exception e)
        {
            observer?.OnCheckpointFailed(runId, epoch, e);
        }
    }
}
