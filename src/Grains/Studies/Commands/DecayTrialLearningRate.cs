using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>Multiply a trial's learning rate by <paramref name="Factor"/> (a policy's decision).</summary>
public sealed record DecayTrialLearningRate(double Factor, string Source) : TrialCommand
{
    /// <inheritdoc />
    public override Task<CommandResult> SendAsync(ITrialGrain trial) => trial.DecayLearningRateAsync(Factor, Source);
}
