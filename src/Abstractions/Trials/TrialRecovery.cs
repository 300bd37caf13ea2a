namespace HyperTune.Abstractions.Trials;

/// <summary>Why and how a study restarts a trial that was lost.</summary>
/// <param name="Reason">What happened, for the trial's events (e.g. "silo-1 died").</param>
/// <param name="Attempt">The attempt this restart begins (the first run is attempt 0).</param>
/// <param name="Paused">Restart paused (the study or the trial was paused).</param>
[GenerateSerializer, Immutable]
public sealed record TrialRecovery(
    [property: Id(0)] string Reason,
    [property: Id(1)] int Attempt,
    [property: Id(2)] bool Paused)
{
    /// <summary>
    /// The silo whose slot the study reserved for the restart; an activation of the trial on another silo refuses
    /// (<see cref="CommandError.Elsewhere"/>) and leaves it, so the restart, asked again, lands there. Null: anywhere.
    /// </summary>
    [Id(3)]
    public SiloAddress? Silo { get; init; }
}
