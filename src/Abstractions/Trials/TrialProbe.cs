namespace HyperTune.Abstractions.Trials;

/// <summary>
/// What a study's watchdog learns by asking a trial: its status, and whether a training thread of the activation that
/// answers runs it. An unfinished trial that no thread trains was cut off — its activation was lost (with its silo, or
/// with the grain-directory entry a dead silo held) — and must be recovered.
/// </summary>
/// <param name="Status">The trial's status.</param>
/// <param name="Training">True while a thread of this activation trains it, waits for its slot, or holds it paused.</param>
[GenerateSerializer, Immutable]
public sealed record TrialProbe(
    [property: Id(0)] TrialSnapshot Status,
    [property: Id(1)] bool Training);
