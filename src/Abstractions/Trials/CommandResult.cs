namespace HyperTune.Abstractions.Trials;

/// <summary>The answer to a command: accepted, or refused with the kind of problem and a message.</summary>
/// <param name="Accepted">True when the command was taken.</param>
/// <param name="Error">Why it was refused; null when accepted.</param>
/// <param name="Kind">The kind of refusal; <see cref="CommandError.None"/> when accepted.</param>
[GenerateSerializer, Immutable]
public sealed record CommandResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Error,
    [property: Id(2)] CommandError Kind = CommandError.None)
{
    /// <summary>An accepted command.</summary>
    public static CommandResult Ok { get; } = new(true, null);

    /// <summary>A command refused because its target does not exist.</summary>
    public static CommandResult NotFound(string error) => new(false, error, CommandError.NotFound);

    /// <summary>A command refused because it is not valid now.</summary>
    public static CommandResult InvalidState(string error) => new(false, error, CommandError.InvalidState);

    /// <summary>A command refused because of a bad argument.</summary>
    public static CommandResult InvalidArgument(string error) => new(false, error, CommandError.InvalidArgument);

    /// <summary>Refused: the trial is active on another silo than the call was meant for; it leaves it, ask again.</summary>
    public static CommandResult Elsewhere(string error) => new(false, error, CommandError.Elsewhere);
}
