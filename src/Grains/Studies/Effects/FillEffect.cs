namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Start trials while the study has room (<c>StudyController.Fill</c>), after <paramref name="Delay"/>. The grain runs
/// the starts apart from the call that asked, so a command answers without waiting for them.
/// </summary>
public sealed record FillEffect(TimeSpan Delay) : StudyEffect
{
    /// <summary>Fill now.</summary>
    public static FillEffect Now { get; } = new(TimeSpan.Zero);
}
