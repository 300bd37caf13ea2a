namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// End a trial's run on its draining silo (<c>ITrialGrain.MoveOffAsync</c>); the answer (null when the silo could not
/// be reached) goes back to the core (<c>StudyController.OnTrialMovedOff</c>), which restarts the trial elsewhere.
/// </summary>
public sealed record MoveOffTrialEffect(string TrialId, SiloAddress Silo, string Reason) : StudyEffect;
