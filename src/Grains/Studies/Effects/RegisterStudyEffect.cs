namespace HyperTune.Grains.Studies.Effects;

/// <summary>Add the study to the registry of studies (once, when it starts).</summary>
public sealed record RegisterStudyEffect : StudyEffect
{
    /// <summary>The effect.</summary>
    public static RegisterStudyEffect Instance { get; } = new();
}
