namespace HyperTune.Storage.Checkpoints;

/// <summary>A checkpoint held by a store.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Epoch">The epoch after which it was taken.</param>
/// <param name="SizeBytes">Its size in bytes.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record CheckpointInfo(string RunId, int Epoch, long SizeBytes, DateTimeOffset CreatedAt);
