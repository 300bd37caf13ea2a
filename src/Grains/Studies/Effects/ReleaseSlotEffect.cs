namespace HyperTune.Grains.Studies.Effects;

/// <summary>Free the place <paramref name="TrialId"/> holds in the slot directory, if any.</summary>
public sealed record ReleaseSlotEffect(string TrialId) : StudyEffect;
