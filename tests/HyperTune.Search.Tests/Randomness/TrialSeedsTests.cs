using HyperTune.Search.Randomness;

namespace HyperTune.Search.Tests.Randomness;

public sealed class TrialSeedsTests
{
    [Fact]
    public void ForTrial_SameInputs_SameSeed() => Assert.Equal(TrialSeeds.ForTrial(42, 3), TrialSeeds.ForTrial(42, 3));

    [Fact]
    public void ForTrial_TenThousandIndices_DistinctAndNonNegative()
    {
        var seeds = Enumerable.Range(0, 10_000).Select(i => TrialSeeds.ForTrial(42, i)).ToList();

        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
    }

    [Fact]
    public void ForTrial_DifferentStudySeeds_DifferentSeeds() => Assert.NotEqual(TrialSeeds.ForTrial(1, 0), TrialSeeds.ForTrial(2, 0));

    [Fact]
    public void ForTrial_IndexZero_DiffersFromStudySeed() => Assert.NotEqual(0L, TrialSeeds.ForTrial(0, 0));

    [Fact]
    public void ForTrialInt32_Indices_NonNegative() =>
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(TrialSeeds.ForTrialInt32(-5, i) >= 0));

    [Fact]
    public void ForTrial_ById_StableAndDistinct()
    {
        Assert.Equal(TrialSeeds.ForTrial(42, "trial-0001"), TrialSeeds.ForTrial(42, "trial-0001"));
        Assert.NotEqual(TrialSeeds.ForTrial(42, "trial-0001"), TrialSeeds.ForTrial(42, "trial-0002"));
        Assert.True(TrialSeeds.ForTrial(42, "trial-0001") >= 0);
    }
}
