using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Searchers.RandomSearch;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Searchers.RandomSearch;

public sealed class RandomSearcherTests
{
    private static StudySpec Spec(long seed = 42, int maxTrials = 50) =>
        TestSpecs.Example with { Seed = seed, Budget = new BudgetSpec { MaxTrials = maxTrials } };

    private static List<TrialConfig> Run(ISearcher searcher, int count, int firstId = 0) =>
        [.. Enumerable.Range(firstId, count).Select(i => searcher.Suggest($"t{i}").Config!)];

    [Fact]
    public void Suggest_SameSeed_SameSequence() =>
        Assert.Equal(Run(new RandomSearcher(Spec()), 20), Run(new RandomSearcher(Spec()), 20));

    [Fact]
    public void Suggest_OtherSeed_OtherSequence() =>
        Assert.NotEqual(Run(new RandomSearcher(Spec(seed: 1)), 20), Run(new RandomSearcher(Spec(seed: 2)), 20));

    [Fact]
    public void Suggest_OptionSeed_OverridesStudySeed()
    {
        var withOption = new RandomSearcher(Spec(seed: 1), new RandomSearcherOptions { Seed = 2 });

        Assert.Equal(Run(new RandomSearcher(Spec(seed: 2)), 10), Run(withOption, 10));
    }

    [Fact]
    public void Suggest_Configs_RespectSpaceAndConditions()
    {
        var configs = Run(new RandomSearcher(Spec()), 50);

        Assert.All(configs, c =>
        {
            Assert.InRange(c["learning_rate"].AsDouble(), 1e-5, 1);
            Assert.Contains(c["batch_size"].AsInt64(), new[] { 32L, 64L, 128L });
            Assert.Equal(10L, c["epochs"].AsInt64());
            Assert.Equal(c["schedule"].AsString() != "constant", c.ContainsKey("gamma"));
        });
        Assert.True(configs.Distinct().Count() > 45);
    }

    [Fact]
    public void Suggest_BeyondMaxTrials_Finished()
    {
        var searcher = new RandomSearcher(Spec(maxTrials: 3));
        Run(searcher, 3);

        Assert.Equal(SuggestStatus.Finished, searcher.Suggest("t3").Status);
        Assert.Same(SuggestResult.Finished, searcher.Suggest("t4"));
    }

    [Fact]
    public void Suggest_SameTrialIdAgain_SameConfigWithoutBudget()
    {
        var searcher = new RandomSearcher(Spec(maxTrials: 2));
        var first = searcher.Suggest("a").Config;

        Assert.Equal(first, searcher.Suggest("a").Config);
        Assert.Equal(1, searcher.SuggestedCount);
        Assert.True(searcher.Suggest("b").HasConfig);
        Assert.Equal(first, searcher.Suggest("a").Config);
    }

    [Fact]
    public void RestoreState_SavedMidway_ContinuesIdenticalSequence()
    {
        var original = new RandomSearcher(Spec());
        Run(original, 7);
        original.OnTrialResult("t2", 1, new Dictionary<string, double> { ["val_accuracy"] = 0.5 });
        original.OnTrialComplete("t3", new Dictionary<string, double> { ["val_accuracy"] = 0.7 }, failed: false);
        var state = original.SaveState();

        var restored = new RandomSearcher(Spec());
        restored.RestoreState(state);

        Assert.Equal(Run(original, 10, firstId: 7), Run(restored, 10, firstId: 7));
        Assert.Equal(original.Trials, restored.Trials, TrialRecordComparer.Instance);
    }

    [Fact]
    public void RestoreState_RestoredTrials_SuggestSameConfigForKnownId()
    {
        var original = new RandomSearcher(Spec());
        var configs = Run(original, 3);
        var restored = new RandomSearcher(Spec());
        restored.RestoreState(original.SaveState());

        Assert.Equal(configs[1], restored.Suggest("t1").Config);
        Assert.Equal(3, restored.SuggestedCount);
    }

    [Fact]
    public void RestoreState_OtherSeed_Throws()
    {
        var state = new RandomSearcher(Spec(seed: 1)).SaveState();

        Assert.Throws<InvalidOperationException>(() => new RandomSearcher(Spec(seed: 2)).RestoreState(state));
    }

    [Fact]
    public void RestoreState_GridState_Throws()
    {
        var gridSpec = new StudySpecBuilder("g").Choice("optimizer", "sgd", "adam").WithSearcher("grid").Build();
        var state = new GridSearcher(gridSpec).SaveState();

        Assert.Throws<InvalidOperationException>(() => new RandomSearcher(Spec()).RestoreState(state));
    }

    [Fact]
    public void RestoreState_Garbage_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new RandomSearcher(Spec()).RestoreState("not json"u8.ToArray()));

    [Fact]
    public void OnTrialComplete_FinalMetricsOrLast_Recorded()
    {
        var searcher = new RandomSearcher(Spec());
        Run(searcher, 2);
        searcher.OnTrialResult("t0", 3, new Dictionary<string, double> { ["val_loss"] = 0.4 });
        searcher.OnTrialComplete("t0", null, failed: false);
        searcher.OnTrialComplete("t1", new Dictionary<string, double> { ["val_loss"] = double.NaN }, failed: true);
        searcher.OnTrialComplete("unknown", null, failed: true);

        Assert.Equal(TrialStatus.Completed, searcher.GetTrial("t0")!.Status);
        Assert.Equal(3, searcher.GetTrial("t0")!.LastEpoch);
        Assert.Equal(0.4, searcher.GetTrial("t0")!.Metrics["val_loss"]);
        Assert.Equal(TrialStatus.Failed, searcher.GetTrial("t1")!.Status);

        var restored = new RandomSearcher(Spec());
        restored.RestoreState(searcher.SaveState());
        Assert.True(double.IsNaN(restored.GetTrial("t1")!.Metrics["val_loss"]));
    }

    [Fact]
    public void Constructor_InvalidSpace_Throws()
    {
        var spec = new StudySpecBuilder("t").Uniform("gamma", 0.5, 0.1).BuildUnvalidated();

        Assert.Equal("$.search_space.gamma.low", Assert.Single(Assert.Throws<StudySpecException>(() => new RandomSearcher(spec)).Errors).Path);
    }

    private sealed class TrialRecordComparer : IEqualityComparer<TrialRecord>
    {
        public static readonly TrialRecordComparer Instance = new();

        public bool Equals(TrialRecord? x, TrialRecord? y) =>
            x is not null && y is not null
            && x.TrialId == y.TrialId && x.Index == y.Index && x.Config.Equals(y.Config) && x.Status == y.Status
            && x.LastEpoch == y.LastEpoch && x.Metrics.OrderBy(p => p.Key).SequenceEqual(y.Metrics.OrderBy(p => p.Key));

        public int GetHashCode(TrialRecord obj) => obj.TrialId.GetHashCode(StringComparison.Ordinal);
    }
}
