using System.Collections.Immutable;

namespace HyperTune.Abstractions.Studies;

/// <summary>The answer to starting a study: its snapshot, or every problem of its spec.</summary>
/// <param name="Study">The started study; null when refused.</param>
/// <param name="Problems">Every problem of the spec; empty when accepted.</param>
/// <param name="Error">A refusal that is not about the spec (e.g. the id is taken).</param>
[GenerateSerializer, Immutable]
public sealed record StudyStartResult(
    [property: Id(0)] StudySnapshot? Study,
    [property: Id(1)] ImmutableArray<SpecProblem> Problems,
    [property: Id(2)] string? Error)
{
    /// <summary>True when the study started.</summary>
    public bool Accepted => Study is not null;
}
