namespace HyperTune.Abstractions.Trials;

/// <summary>A checkpoint a trial wrote.</summary>
/// <param name="Epoch">The epoch after which it was taken.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="WrittenAt">When it reached the store.</param>
[GenerateSerializer, Immutable]
public sealed record CheckpointRecord(
    [property: Id(0)] int Epoch,
    [property: Id(1)] long SizeBytes,
    [property: Id(2)] DateTimeOffset WrittenAt);
