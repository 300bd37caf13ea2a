namespace HyperTune.Storage.Studies;

/// <summary>A study's durable record: a small header and one row per trial, written incrementally.</summary>
public interface IStudyStore
{
    /// <summary>The study's header and every trial row (by number), or null when the study was never written.</summary>
    Task<StoredStudy?> ReadAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes in one transaction: the header when given, and the trial rows given (insert or replace by number). The
    /// write succeeds only when the stored version equals <paramref name="expectedVersion"/> (0: the study must not
    /// exist yet) and returns the new version; otherwise it throws <see cref="StudyVersionConflictException"/> and
    /// writes nothing.
    /// </summary>
    Task<long> WriteAsync(string studyId, StudyWrite write, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Every study id, in the order they were first written.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);
}
