namespace HyperTune.Abstractions.Trials;

/// <summary>The answer to a fork: the new trial, or why there is none.</summary>
/// <param name="Result">Accepted, or refused with the kind of problem.</param>
/// <param name="TrialId">The new trial's id; null when refused.</param>
/// <param name="SourceEpoch">The epoch of the source's checkpoint the fork starts from; 0 when refused.</param>
/// <param name="Field">The request field a refusal is about (<c>$.epoch</c>, <c>$.hidden_units</c>); null for the request as a whole.</param>
[GenerateSerializer, Immutable]
public sealed record TrialForkResult(
    [property: Id(0)] CommandResult Result,
    [property: Id(1)] string? TrialId,
    [property: Id(2)] int SourceEpoch,
    [property: Id(3)] string? Field)
{
    /// <summary>A refusal.</summary>
    public static TrialForkResult Refused(CommandResult result, string? field = null) => new(result, null, 0, field);
}
