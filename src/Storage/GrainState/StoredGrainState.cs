namespace HyperTune.Storage.GrainState;

/// <summary>A grain's state as a store holds it.</summary>
/// <param name="Payload">The serialized state, or null when it was cleared.</param>
/// <param name="ETag">The version of the row, to give back on the next write.</param>
public sealed record StoredGrainState(byte[]? Payload, string ETag);
