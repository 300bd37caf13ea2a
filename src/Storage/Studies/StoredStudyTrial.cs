namespace HyperTune.Storage.Studies;

/// <summary>One trial row of a study.</summary>
public sealed record StoredStudyTrial(int Number, byte[] Payload);
