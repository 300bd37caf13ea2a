namespace HyperTune.Training.Engine;

/// <summary>A checkpoint that reached its store.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The epoch after which it was taken.</param>
/// <param name="Step">Global optimizer steps at that point.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="CaptureTime">Time the training thread spent capturing its state.</param>
/// <param name="WriteTime">Time spent serializing and writing it (off the training thread).</param>
public sealed record CheckpointSaved(string RunId, int Epoch, long Step, long SizeBytes, TimeSpan CaptureTime, TimeSpan WriteTime);
