using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>Stop a trial: it ends Stopped, or Pruned when <paramref name="Pruned"/>.</summary>
public sealed record StopTrial(bool Pruned, string Reason) : TrialCommand
{
    /// <inheritdoc />
    public override Task<CommandResult> SendAsync(ITrialGrain trial) => trial.StopAsync(Pruned, Reason);
}
