namespace HyperTune.Storage.Studies;

/// <summary>A study as stored: its version, header and trial rows by number.</summary>
public sealed record StoredStudy(long Version, byte[] Header, IReadOnlyList<StoredStudyTrial> Trials);
