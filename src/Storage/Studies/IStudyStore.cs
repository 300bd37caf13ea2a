namespace HyperTune.Storage.Studies;

/// <summary>
/// A study's durable record: a small header and one row per trial, written incrementally, so a change to one trial
/// writes that trial's row and not the whole study. Payloads are opaque bytes (the store never looks inside). Every
/// write carries the version it was based on and fails when the stored one is another, so two activations of one study
/// (say, on both sides of a network split, or on two silo processes) can never overwrite each other.
/// </summary>
public interface IStudyStore
{
    /// <summary>
    /// The study's version, header and every trial row (by number), read as one consistent snapshot; null when the
    /// study was never written or was deleted.
    /// </summary>
    Task<StoredStudy?> ReadAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes, in one transaction, the header when <see cref="StudyWrite.Header"/> is given and the trial rows given
    /// (inserting or replacing each by number; when a number appears twice, the last wins), if the stored version is
    /// <paramref name="expectedVersion"/>: 0 creates the study, which must not exist yet (a creation must carry a
    /// header). A write without a header, or even without rows, still checks and bumps the version.
    /// </summary>
    /// <returns>The new version: always greater than <paramref name="expectedVersion"/>.</returns>
    /// <exception cref="StudyVersionConflictException">The stored version is another; nothing was written.</exception>
    /// <exception cref="ArgumentException">The id or the write cannot be stored (see <see cref="StudyRecords"/>); nothing was written.</exception>
    Task<long> WriteAsync(string studyId, StudyWrite write, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the study's header and rows, in one transaction, if the stored version is
    /// <paramref name="expectedVersion"/>. The study's version is remembered: writing the id again (with expected
    /// version 0) creates a new study whose versions continue above the old ones, so a writer still holding a version
    /// of the deleted study can never write into the new one. The id keeps its place in <see cref="ListAsync"/>.
    /// </summary>
    /// <returns>True when a study was deleted; false when there was none and <paramref name="expectedVersion"/> was 0.</returns>
    /// <exception cref="StudyVersionConflictException">The stored version is another; nothing was deleted.</exception>
    Task<bool> DeleteAsync(string studyId, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of existing studies in the order they were first written, a page at a time: at most
    /// <paramref name="limit"/> ids after <paramref name="after"/> (the last id of the previous page; null: from the
    /// start). A page shorter than <paramref name="limit"/> is the last. <see cref="StudyStoreExtensions.ListAllAsync"/>
    /// reads every page.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="after"/> names a study that was never written, or <paramref name="limit"/> is out of range.</exception>
    Task<IReadOnlyList<string>> ListAsync(string? after = null, int limit = StudyRecords.DefaultListLimit, CancellationToken cancellationToken = default);
}
