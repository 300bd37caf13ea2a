namespace HyperTune.Grains.Studies.Persistence;

/// <summary>What one flush writes: the header and the rows of the trials that changed since the last flush.</summary>
/// <param name="Header">The header.</param>
/// <param name="Trials">The changed trials' rows, by number.</param>
public sealed record StudyWriteSet(StudyHeader Header, IReadOnlyList<StudyTrialRow> Trials);
