using System.Globalization;

namespace HyperTune.Storage.Studies;

/// <summary>
/// A study write or delete carried a version that is not the stored one: another activation (or process) changed the
/// study since it was read, or created it first. Nothing was written.
/// </summary>
public sealed class StudyVersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="expectedVersion">The version the caller gave.</param>
    /// <param name="storedVersion">The stored version as seen when the conflict was found; null when the study does not exist.</param>
    public StudyVersionConflictException(string studyId, long expectedVersion, long? storedVersion)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Study '{studyId}' changed underneath: expected version {expectedVersion}, stored {(storedVersion is { } v ? v.ToString(CultureInfo.InvariantCulture) : "none")}."))
    {
        StudyId = studyId;
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    /// <summary>Creates the exception.</summary>
    public StudyVersionConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StudyVersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StudyVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The study.</summary>
    public string StudyId { get; } = string.Empty;

    /// <summary>The version the caller gave (0: the study was expected not to exist).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stored version when the conflict was found, or null when the study does not exist.</summary>
    public long? StoredVersion { get; }
}
