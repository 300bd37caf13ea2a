using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>Resume a paused trial.</summary>
public sealed record ResumeTrial : TrialCommand
{
    /// <summary>The command.</summary>
    public static ResumeTrial Instance { get; } = new();

    /// <inheritdoc />
    public override Task<CommandResult> SendAsync(ITrialGrain trial) => trial.ResumeAsync();
}
