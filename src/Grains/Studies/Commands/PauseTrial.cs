using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>Pause a trial.</summary>
public sealed record PauseTrial : TrialCommand
{
    /// <summary>The command.</summary>
    public static PauseTrial Instance { get; } = new();

    /// <inheritdoc />
    public override Task<CommandResult> SendAsync(ITrialGrain trial) => trial.PauseAsync();
}
