using HyperTune.Abstractions.RangeTests;

namespace HyperTune.Grains.RangeTests;

/// <summary>What a learning-rate range test grain keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class LearningRateRangeTestGrainState
{
    /// <summary>The request it was started with; null before it started.</summary>
    [Id(0)]
    public LearningRateRangeTestRequest? Request { get; set; }

    /// <summary>Its status when it started or ended (the points of a running test are kept in memory only).</summary>
    [Id(1)]
    public LearningRateRangeTestStatus? Status { get; set; }
}
