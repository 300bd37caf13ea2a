namespace HyperTune.Grains.Studies.Effects;

/// <summary>The study reached a final state: stop its timers.</summary>
public sealed record StudyEndedEffect : StudyEffect
{
    /// <summary>The effect.</summary>
    public static StudyEndedEffect Instance { get; } = new();
}
