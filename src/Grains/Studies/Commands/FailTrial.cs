using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>End a trial as Failed (the study gave up on it).</summary>
public sealed record FailTrial(string Reason) : TrialCommand
{
    /// <inheritdoc />
    public override Task<CommandResult> SendAsync(ITrialGrain trial) => trial.FailAsync(Reason);
}
