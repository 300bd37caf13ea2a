namespace HyperTune.Storage.Studies;

/// <summary>A study as a store holds it.</summary>
/// <param name="Version">The version to give back as the expected version of the next write.</param>
/// <param name="Header">The study's header, as last written.</param>
/// <param name="Trials">Every trial row, by number.</param>
public sealed record StoredStudy(long Version, byte[] Header, IReadOnlyList<StoredStudyTrial> Trials);
