using HyperTune.Coordinator.Dashboard.Analysis;
using HyperTune.Search.Values;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class HyperparameterImportanceTests
{
    [Fact]
    public void Compute_ObjectiveFollowsOneParameter_RanksItFirstAndTheNoiseNearZero()
    {
        var random = new Random(3);
        var trials = Enumerable.Range(0, 40).Select(i =>
        {
            var rate = Math.Pow(10, -4 + 3 * random.NextDouble());
            var noise = random.Next(4);
            var config = new TrialConfig(new Dictionary<string, ParameterValue> { ["learning_rate"] = rate, ["seed_like"] = (long)noise });
            return (config, Math.Log10(rate) + 0.01 * random.NextDouble());
        }).ToList();

        var importance = HyperparameterImportance.Compute(trials);

        Assert.Equal("learning_rate", importance[0].Name);
        Assert.InRange(importance[0].Importance, 0.8, 1);
        Assert.InRange(importance.Single(i => i.Name == "seed_like").Importance, 0, 0.2);
    }

    [Fact]
    public void Compute_EveryTrialItsOwnValue_CreditsNothingForTheSplitAlone()
    {
        var trials = Enumerable.Range(0, 4)
            .Select(i => (new TrialConfig(new Dictionary<string, ParameterValue> { ["name"] = "v" + i }), (double)i)).ToList();

        Assert.Equal(0, HyperparameterImportance.Compute(trials).Single().Importance);
    }

    [Fact]
    public void Compute_TooFewTrials_ReturnsNothing() =>
        Assert.Empty(HyperparameterImportance.Compute([(new TrialConfig(new Dictionary<string, ParameterValue> { ["a"] = 1L }), 1.0)]));
}
