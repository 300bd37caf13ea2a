namespace HyperTune.Storage.Studies;

/// <summary>A study write expected another stored version: another writer (a second activation) wrote first.</summary>
public sealed class StudyVersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StudyVersionConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StudyVersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StudyVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
