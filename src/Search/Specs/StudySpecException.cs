namespace HyperTune.Search.Specs;

/// <summary>A study spec is invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class StudySpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StudySpecException(IEnumerable<SpecError> errors)
        : this([.. errors ?? throw new ArgumentNullException(nameof(errors))], null)
    {
    }

    private StudySpecException(IReadOnlyList<SpecError> errors, Exception? inner)
        : base(Describe(errors), inner)
    {
        Errors = errors;
    }

    /// <summary>Every problem, in the order found.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    private static string Describe(IReadOnlyList<SpecError> errors) =>
        errors.Count == 1
            ? $"The study spec is invalid: {errors[0]}"
            : $"The study spec has {errors.Count} errors:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
