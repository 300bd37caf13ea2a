using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>Tell subscribers of trials' new epochs.</summary>
public sealed record NotifyEpochsEffect(ImmutableArray<TrialEpochReport> Reports) : StudyEffect;
