using System.Diagnostics.CodeAnalysis;

namespace HyperTune.Search.Specs;

/// <summary>The outcome of <see cref="StudySpecParser.Parse(string)"/>: a valid spec, or every problem found.</summary>
public sealed record StudySpecParseResult
{
    private StudySpecParseResult(StudySpec? spec, IReadOnlyList<SpecError> errors)
    {
        Spec = spec;
        Errors = errors;
    }

    /// <summary>The spec, when it is valid.</summary>
    public StudySpec? Spec { get; }

    /// <summary>Every problem; empty when valid.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    /// <summary>True when there is a spec and no error.</summary>
    [MemberNotNullWhen(true, nameof(Spec))]
    public bool IsValid => Spec is not null;

    /// <summary>The spec, or a <see cref="StudySpecException"/> listing every problem.</summary>
    public StudySpec GetSpecOrThrow() => Spec ?? throw new StudySpecException(Errors);

    internal static StudySpecParseResult Success(StudySpec spec) => new(spec, []);

    internal static StudySpecParseResult Failure(IReadOnlyList<SpecError> errors) => new(null, errors);
}
