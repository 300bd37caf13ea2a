namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Ask a trial for its status and whether a thread trains it (on <paramref name="Silo"/>: a trial that does not exist
/// yet must not be activated away from its slot); the answer goes back to the core (<c>StudyController.OnTrialProbed</c>).
/// </summary>
public sealed record ProbeTrialEffect(string TrialId, SiloAddress? Silo) : StudyEffect;
