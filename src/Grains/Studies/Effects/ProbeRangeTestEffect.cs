namespace HyperTune.Grains.Studies.Effects;

/// <summary>Ask the study's range test for its status; the answer goes back to the core (<c>OnRangeTestProbed</c>).</summary>
public sealed record ProbeRangeTestEffect : StudyEffect
{
    /// <summary>The effect.</summary>
    public static ProbeRangeTestEffect Instance { get; } = new();
}
