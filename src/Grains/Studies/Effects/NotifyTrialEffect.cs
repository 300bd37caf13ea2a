using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>Tell subscribers that a trial changed.</summary>
public sealed record NotifyTrialEffect(TrialSnapshot Trial) : StudyEffect;
