using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Start a trial on the silo whose place it holds; the answer (null when the silo could not be reached) goes back to
/// the core (<c>StudyController.OnTrialStartReturned</c>).
/// </summary>
public sealed record StartTrialEffect(string TrialId, SiloAddress Silo, TrialStartRequest Request) : StudyEffect;
