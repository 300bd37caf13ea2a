using HyperTune.Abstractions.RangeTests;

namespace HyperTune.Grains.RangeTests;

/// <summary>What the range test registry keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class RangeTestRegistryGrainState
{
    /// <summary>The tests, oldest first.</summary>
    [Id(0)]
    public List<RangeTestSummary> Tests { get; set; } = [];
}
