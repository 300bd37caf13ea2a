namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Write what changed (the header and the rows of changed trials). <paramref name="Urgent"/>: before the next effect
/// (a write-ahead, say, before a trial starts); otherwise within the flush interval, together with later changes.
/// </summary>
public sealed record PersistEffect(bool Urgent) : StudyEffect
{
    /// <summary>Write now, before the effects that follow.</summary>
    public static PersistEffect Now { get; } = new(true);

    /// <summary>Write soon, batched with other changes.</summary>
    public static PersistEffect Soon { get; } = new(false);
}
