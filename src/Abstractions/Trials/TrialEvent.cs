namespace HyperTune.Abstractions.Trials;

/// <summary>Something that happened to a trial besides its epochs: a recovery, a skipped checkpoint, a retry.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened; one of <see cref="TrialEventKinds"/>.</param>
/// <param name="Epoch">The epoch the trial stood at (for a resume: the epoch it continued from).</param>
/// <param name="Message">A sentence for people.</param>
[GenerateSerializer, Immutable]
public sealed record TrialEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Epoch,
    [property: Id(3)] string Message);
