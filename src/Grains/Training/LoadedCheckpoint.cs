namespace HyperTune.Grains.Training;

/// <summary>A checkpoint read from the store whose integrity was checked.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Epoch">The epoch it holds.</param>
/// <param name="Data">Its bytes.</param>
internal sealed record LoadedCheckpoint(CheckpointSource Source, int Epoch, byte[] Data);
