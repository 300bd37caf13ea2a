namespace HyperTune.Storage.Checkpoints;

/// <summary>
/// Where checkpoints live. A checkpoint is an opaque byte array keyed by run id and epoch; the engine serializes it,
/// so stores only keep bytes (a local directory now, a database or blob store later).
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Stores a checkpoint, replacing any at the same key. It is complete once the task finishes.</summary>
    Task SaveAsync(string runId, int epoch, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Reads a checkpoint, or null when there is none at that key.</summary>
    Task<byte[]?> LoadAsync(string runId, int epoch, CancellationToken cancellationToken = default);

    /// <summary>Lists a run's checkpoints, oldest epoch first.</summary>
    Task<IReadOnlyList<CheckpointInfo>> ListAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a checkpoint; deleting a missing one is not an error.</summary>
    Task DeleteAsync(string runId, int epoch, CancellationToken cancellationToken = default);
}
