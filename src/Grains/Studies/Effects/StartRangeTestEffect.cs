using HyperTune.Abstractions.RangeTests;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>Start the study's learning-rate range test; the answer goes back to the core (<c>OnRangeTestStartReturned</c>).</summary>
public sealed record StartRangeTestEffect(LearningRateRangeTestRequest Request) : StudyEffect;
