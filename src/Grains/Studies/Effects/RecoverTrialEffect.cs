using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Restart a lost trial on the silo whose slot it now holds; the answer (null when the silo could not be reached)
/// goes back to the core (<c>StudyController.OnTrialRecoverReturned</c>).
/// </summary>
public sealed record RecoverTrialEffect(string TrialId, SiloAddress Silo, TrialRecovery Recovery) : StudyEffect;
