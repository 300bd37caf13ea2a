namespace HyperTune.Grains.Training;

/// <summary>A checkpoint in the store: the run (trial) that wrote it and its epoch.</summary>
/// <param name="RunId">The trial that wrote it.</param>
/// <param name="Epoch">The epoch after which it was taken.</param>
internal sealed record CheckpointSource(string RunId, int Epoch);
