namespace HyperTune.Storage.Studies;

/// <summary>What one <see cref="IStudyStore.WriteAsync"/> changes.</summary>
/// <param name="Header">The study's new header, or null to keep the stored one (a creation must give one).</param>
/// <param name="Trials">Trial rows to insert or replace, by number; may be empty.</param>
public sealed record StudyWrite(byte[]? Header, IReadOnlyList<StoredStudyTrial> Trials)
{
    /// <summary>A write of the header alone.</summary>
    public static StudyWrite HeaderOnly(byte[] header) => new(header, []);

    /// <summary>A write of trial rows alone.</summary>
    public static StudyWrite TrialsOnly(params IReadOnlyList<StoredStudyTrial> trials) => new(null, trials);
}
