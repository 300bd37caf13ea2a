using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.RandomSearch;
using HyperTune.Search.Searchers.Tpe;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Searchers.Tpe;

public sealed class TpeSearcherTests
{
    /// <summary>Minimize: optimum at learning_rate 10^−2.5, dropout 0.2.</summary>
    private static double Objective(TrialConfig c) =>
        Math.Pow(Math.Log10(c["learning_rate"].AsDouble()) + 2.5, 2) + (10 * Math.Pow(c["dropout"].AsDouble() - 0.2, 2));

    private static StudySpec Spec(long seed = 1, int maxTrials = 1000, object? options = null) => new()
    {
        Name = "tpe",
        Objective = ObjectiveSpec.For(MetricNames.ValidationLoss),
        SearchSpace = new SearchSpace(
        [
            new SearchParameter("learning_rate", new LogUniformFloatDomain(1e-5, 1)),
            new SearchParameter("dropout", new UniformFloatDomain(0, 0.5)),
        ]),
        Searcher = new SearcherSpec(TpeSearcherProvider.KindName, AlgorithmOptions.FromObject(options)),
        Budget = new BudgetSpec { MaxTrials = maxTrials },
        Seed = seed,
    };

    /// <summary>Runs trials one after another (each completes before the next); the objective of each.</summary>
    private static List<double> RunSequential(ISearcher searcher, int trials, Func<TrialConfig, double> objective, int firstId = 0)
    {
        var values = new List<double>();
        for (var i = firstId; i < firstId + trials; i++)
        {
            var config = searcher.Suggest($"t{i}").Config!;
            var value = objective(config);
            searcher.OnTrialComplete($"t{i}", new Dictionary<string, double> { [MetricNames.ValidationLoss] = value }, failed: false);
            values.Add(value);
        }

        return values;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Suggest_2DObjective_ConcentratesNearOptimumBetterThanRandom(long seed)
    {
        var tpe = RunSequential(new TpeSearcher(Spec(seed)), 80, Objective);
        var random = RunSequential(new RandomSearcher(Spec(seed)), 80, Objective);

        // After the 10 random startup trials, TPE's suggestions sit much closer to the optimum than random ones.
        var tpeLate = tpe.Skip(40).Average();
        var randomLate = random.Skip(40).Average();
        Assert.True(tpeLate < 0.35 * randomLate, $"TPE mean {tpeLate:F3} vs random {randomLate:F3}");
        Assert.True(tpe.Min() < random.Min(), $"TPE best {tpe.Min():F4} vs random {random.Min():F4}");
    }

    [Fact]
    public void Suggest_Maximize_ConcentratesNearMaximum()
    {
        var spec = Spec(seed: 4) with { Objective = ObjectiveSpec.For(MetricNames.ValidationAccuracy) };
        var searcher = new TpeSearcher(spec);
        var dropouts = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            var config = searcher.Suggest($"t{i}").Config!;
            dropouts.Add(config["dropout"].AsDouble());
            searcher.OnTrialComplete($"t{i}", new Dictionary<string, double> { [MetricNames.ValidationAccuracy] = 1 - Math.Abs(config["dropout"].AsDouble() - 0.45) }, failed: false);
        }

        Assert.True(dropouts.Skip(30).Average() > 0.38, $"mean dropout {dropouts.Skip(30).Average():F3}");
    }

    [Fact]
    public void Suggest_IntsLogIntsChoicesAndConditions_ValidConfigsAndLearnsTheChoice()
    {
        var spec = Spec(seed: 5) with
        {
            SearchSpace = new SearchSpace(
            [
                new SearchParameter("batch_size", new IntDomain(16, 256, Step: 16)),
                new SearchParameter("hidden_units", new IntDomain(1, 1000, Log: true)),
                new SearchParameter("schedule", new CategoricalDomain(["constant", "step", "exponential"])),
                new SearchParameter("gamma", new UniformFloatDomain(0.1, 0.9), new ParameterCondition("schedule", ["step", "exponential"])),
                new SearchParameter("step_size", new IntDomain(2, 10), new ParameterCondition("schedule", ["step"])),
            ]),
        };
        var searcher = new TpeSearcher(spec);

        // Best: schedule "step" with gamma near 0.3; hidden_units near 100.
        double Loss(TrialConfig c) =>
            (c["schedule"].AsString() == "step" ? 0 : 1)
            + (c.TryGetValue("gamma", out var g) ? Math.Abs(g.AsDouble() - 0.3) : 1)
            + Math.Abs(Math.Log10(c["hidden_units"].AsDouble()) - 2);
        var configs = new List<TrialConfig>();
        for (var i = 0; i < 60; i++)
        {
            var config = searcher.Suggest($"t{i}").Config!;
            configs.Add(config);
            searcher.OnTrialComplete($"t{i}", new Dictionary<string, double> { [MetricNames.ValidationLoss] = Loss(config) }, failed: false);
        }

        Assert.All(configs, c =>
        {
            Assert.True(spec.SearchSpace.Parameters.Where(p => c.ContainsKey(p.Name)).All(p => p.Domain.Contains(c[p.Name])), c.ToJson());
            Assert.Equal(c["schedule"].AsString() != "constant", c.ContainsKey("gamma"));
            Assert.Equal(c["schedule"].AsString() == "step", c.ContainsKey("step_size"));
        });
        Assert.True(configs.Skip(30).Count(c => c["schedule"].AsString() == "step") >= 20);
    }

    [Fact]
    public void Suggest_SmallMaxHistory_StillConcentrates()
    {
        var tpe = RunSequential(SearcherFactory.Create(Spec(seed: 6, options: new TpeSearcherOptions { MaxHistory = 20 })), 150, Objective);
        var random = RunSequential(new RandomSearcher(Spec(seed: 6)), 150, Objective);

        Assert.True(tpe.Skip(75).Average() < 0.35 * random.Skip(75).Average());
    }

    [Fact]
    public void Suggest_ConstantLiar_PendingTrialsSpreadSuggestions()
    {
        var withLiar = SearcherFactory.Create(Spec(seed: 7));
        var withoutLiar = SearcherFactory.Create(Spec(seed: 7, options: new TpeSearcherOptions { ConstantLiar = false }));
        RunSequential(withLiar, 20, Objective);
        RunSequential(withoutLiar, 20, Objective);

        // 10 suggestions while none of them reports: without the liar each ignores the others in flight.
        static double Spread(ISearcher s) =>
            StandardDeviation(Enumerable.Range(100, 10).Select(i => Math.Log10(s.Suggest($"p{i}").Config!["learning_rate"].AsDouble())));

        var (liar, noLiar) = (Spread(withLiar), Spread(withoutLiar));
        Assert.True(liar > 2 * noLiar, $"spread of log10 lr {liar:F3} with the liar, {noLiar:F3} without");
    }

    [Fact]
    public void Suggest_FailedAndRunningTrials_CountAsWorstAndStillSuggest()
    {
        var searcher = SearcherFactory.Create(Spec(seed: 8, options: new TpeSearcherOptions { NStartupTrials = 2 }));
        searcher.Suggest("a");
        searcher.OnTrialComplete("a", null, failed: true);
        searcher.Suggest("b");
        searcher.OnTrialResult("b", 1, new Dictionary<string, double> { [MetricNames.ValidationLoss] = double.NaN });

        Assert.True(searcher.Suggest("c").HasConfig); // no finite result yet: random
        searcher.OnTrialComplete("c", new Dictionary<string, double> { [MetricNames.ValidationLoss] = 1 }, failed: false);
        Assert.True(searcher.Suggest("d").HasConfig);
    }

    [Fact]
    public void Suggest_SameTrialIdAgain_SameConfigWithoutBudget()
    {
        var searcher = new TpeSearcher(Spec(maxTrials: 15));
        RunSequential(searcher, 12, Objective);
        var first = searcher.Suggest("x").Config;

        Assert.Equal(first, searcher.Suggest("x").Config);
        Assert.Equal(13, searcher.SuggestedCount);
        Assert.True(searcher.Suggest("y").HasConfig);
        Assert.True(searcher.Suggest("z").HasConfig);
        Assert.Equal(SuggestStatus.Finished, searcher.Suggest("w").Status);
    }

    [Fact]
    public void RestoreState_SavedMidway_ContinuesIdenticalSequence()
    {
        var original = new TpeSearcher(Spec());
        RunSequential(original, 25, Objective);
        original.Suggest("running");
        var state = original.SaveState();

        var restored = new TpeSearcher(Spec());
        restored.RestoreState(state);

        Assert.Equal(RunSequential(original, 20, Objective, firstId: 100), RunSequential(restored, 20, Objective, firstId: 100));
        Assert.Equal(original.SaveState(), restored.SaveState());
    }

    [Fact]
    public void RestoreState_WithoutLiarAndIntermediateResults_ContinuesIdentically()
    {
        var spec = Spec(seed: 9, options: new TpeSearcherOptions { ConstantLiar = false, NStartupTrials = 5 });
        var original = SearcherFactory.Create(spec);
        RunSequential(original, 12, Objective);
        original.Suggest("r1");
        original.OnTrialResult("r1", 1, new Dictionary<string, double> { [MetricNames.ValidationLoss] = 0.01 });
        original.Suggest("r2");
        original.Suggest("f");
        original.OnTrialComplete("f", null, failed: true);

        var restored = SearcherFactory.Create(spec);
        restored.RestoreState(original.SaveState());

        Assert.Equal(RunSequential(original, 15, Objective, firstId: 100), RunSequential(restored, 15, Objective, firstId: 100));
    }

    [Fact]
    public void RestoreState_OtherSeed_Throws()
    {
        var state = new TpeSearcher(Spec(seed: 1)).SaveState();

        Assert.Throws<InvalidOperationException>(() => new TpeSearcher(Spec(seed: 2)).RestoreState(state));
    }

    [Fact]
    public void Create_FromExampleSpec_TpeSearcherWithOptions()
    {
        var json = TestSpecs.Json(
            """{"learning_rate": {"type":"loguniform","low":1e-5,"high":1}}""",
            """{"kind":"tpe","n_startup_trials":5,"n_ei_candidates":48,"gamma":0.2,"prior_weight":0.5,"constant_liar":false,"max_history":200}""");

        Assert.IsType<TpeSearcher>(SearcherFactory.Create(StudySpecParser.ParseOrThrow(json)));
    }

    [Theory]
    [InlineData("""{"kind":"tpe","gamma":0.9}""", "$.searcher.gamma")]
    [InlineData("""{"kind":"tpe","n_ei_candidates":0}""", "$.searcher.n_ei_candidates")]
    [InlineData("""{"kind":"tpe","max_history":1}""", "$.searcher.max_history")]
    [InlineData("""{"kind":"tpe","n_startup":3}""", "$.searcher.n_startup")]
    public void Validate_BadOptions_ErrorAtOptionPath(string searcher, string path)
    {
        var json = TestSpecs.Json("""{"learning_rate": {"type":"loguniform","low":1e-5,"high":1}}""", searcher);

        Assert.Contains(StudySpecParser.Parse(json).Errors, e => e.Path == path);
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count);
    }
}
