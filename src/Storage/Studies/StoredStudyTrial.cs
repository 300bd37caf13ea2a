namespace HyperTune.Storage.Studies;

/// <summary>
/// One trial's row of a study. A value type, so that a study of 100,000 trials reads into one list without an object
/// per row besides its payload.
/// </summary>
/// <param name="Number">The trial's number in its study (0 or more); rows are replaced by number.</param>
/// <param name="Payload">The trial's serialized record.</param>
public readonly record struct StoredStudyTrial(int Number, byte[] Payload);
