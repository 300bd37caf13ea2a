namespace HyperTune.Abstractions.Studies;

/// <summary>One problem of a study spec.</summary>
/// <param name="Path">The JSON path of the offending field, e.g. <c>$.search_space.learning_rate.low</c>.</param>
/// <param name="Message">What is wrong.</param>
[GenerateSerializer, Immutable]
public sealed record SpecProblem([property: Id(0)] string Path, [property: Id(1)] string Message);
