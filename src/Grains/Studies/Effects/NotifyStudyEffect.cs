namespace HyperTune.Grains.Studies.Effects;

/// <summary>Tell subscribers the study's new snapshot (its state, counts or best trial changed).</summary>
public sealed record NotifyStudyEffect : StudyEffect
{
    /// <summary>The effect.</summary>
    public static NotifyStudyEffect Instance { get; } = new();
}
