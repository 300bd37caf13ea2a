namespace HyperTune.Storage.Studies;

/// <summary>One write of a study: its header (null to leave it) and the trial rows to insert or replace.</summary>
public sealed record StudyWrite(byte[]? Header, IReadOnlyList<StoredStudyTrial> Trials);
