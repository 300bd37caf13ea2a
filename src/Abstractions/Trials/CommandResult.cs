namespace HyperTune.Abstractions.Trials;

/// <summary>The answer to a command: accepted, or refused with the reason (e.g. the trial has finished).</summary>
/// <param name="Accepted">True when the command was taken.</param>
/// <param name="Error">Why it was refused; null when accepted.</param>
[GenerateSerializer, Immutable]
public sealed record CommandResult([property: Id(0)] bool Accepted, [property: Id(1)] string? Error)
{
    /// <summary>An accepted command.</summary>
    public static CommandResult Ok { get; } = new(true, null);

    /// <summary>A refused command.</summary>
    public static CommandResult Refused(string error) => new(false, error);
}
