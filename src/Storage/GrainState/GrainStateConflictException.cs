namespace HyperTune.Storage.GrainState;

/// <summary>
/// A write or clear carried an ETag that is not the stored one: another activation (or process) changed the state
/// since it was read.
/// </summary>
public sealed class GrainStateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainStateConflictException(string grainType, string grainId, string? expectedETag, string? storedETag)
        : base($"Grain state of {grainType}/{grainId} changed underneath: expected version '{expectedETag ?? "none"}', stored '{storedETag ?? "none"}'.")
    {
        ExpectedETag = expectedETag;
        StoredETag = storedETag;
    }

    /// <summary>Creates the exception.</summary>
    public GrainStateConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GrainStateConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GrainStateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ETag the caller gave.</summary>
    public string? ExpectedETag { get; }

    /// <summary>The ETag in the store, or null when there was no row.</summary>
    public string? StoredETag { get; }
}
