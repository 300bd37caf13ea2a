using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Commands;

/// <summary>A command the study sends to a trial.</summary>
public abstract record TrialCommand
{
    /// <summary>Sends the command to <paramref name="trial"/>.</summary>
    public abstract Task<CommandResult> SendAsync(ITrialGrain trial);
}
