using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Searchers.GridSearch;

public sealed class GridSearcherTests
{
    private static StudySpec Spec(string space, string searcher = """{"kind":"grid"}""", int maxTrials = 1000, long seed = 0) =>
        StudySpecParser.ParseOrThrow(TestSpecs.Json(space, searcher)) with { Budget = new BudgetSpec { MaxTrials = maxTrials }, Seed = seed };

    private static TrialConfig Config(params (string Name, ParameterValue Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private static List<TrialConfig> Drain(ISearcher searcher)
    {
        var configs = new List<TrialConfig>();
        for (var i = 0; ; i++)
        {
            var result = searcher.Suggest($"t{i}");
            if (!result.HasConfig)
            {
                Assert.Equal(SuggestStatus.Finished, result.Status);
                return configs;
            }

            configs.Add(result.Config);
        }
    }

    [Fact]
    public void Suggest_CartesianProduct_ExactPointsInOrderThenFinished()
    {
        var spec = Spec("""
            {"optimizer": {"type":"choice","values":["sgd","adam"]},
             "hidden_layers": {"type":"int","low":1,"high":3},
             "epochs": 5}
            """);

        var configs = Drain(new GridSearcher(spec));

        Assert.Equal(
            [
                Config(("epochs", 5L), ("hidden_layers", 1L), ("optimizer", "sgd")),
                Config(("epochs", 5L), ("hidden_layers", 1L), ("optimizer", "adam")),
                Config(("epochs", 5L), ("hidden_layers", 2L), ("optimizer", "sgd")),
                Config(("epochs", 5L), ("hidden_layers", 2L), ("optimizer", "adam")),
                Config(("epochs", 5L), ("hidden_layers", 3L), ("optimizer", "sgd")),
                Config(("epochs", 5L), ("hidden_layers", 3L), ("optimizer", "adam")),
            ],
            configs);
    }

    [Fact]
    public void Suggest_IntWithStep_EveryStep()
    {
        var configs = Drain(new GridSearcher(Spec("""{"batch_size": {"type":"int","low":16,"high":64,"step":16}}""")));

        Assert.Equal([16L, 32L, 48L, 64L], configs.Select(c => c["batch_size"].AsInt64()));
    }

    [Fact]
    public void Points_Conditional_ExpandOnlyWhereActiveWithoutDuplicates()
    {
        var spec = Spec("""
            {"schedule": {"type":"choice","values":["constant","step","exponential"]},
             "gamma": {"type":"choice","values":[0.1,0.5],"when":{"schedule":["step","exponential"]}},
             "step_size": {"type":"int","low":5,"high":10,"step":5,"when":{"schedule":["step"]}}}
            """);

        var points = new GridSearcher(spec).Points;

        Assert.Equal(7, points.Count);
        Assert.Equal(points.Count, points.Distinct().Count());
        Assert.Equal(
            [
                Config(("schedule", "constant")),
                Config(("gamma", 0.1), ("schedule", "step"), ("step_size", 5L)),
                Config(("gamma", 0.1), ("schedule", "step"), ("step_size", 10L)),
                Config(("gamma", 0.5), ("schedule", "step"), ("step_size", 5L)),
                Config(("gamma", 0.5), ("schedule", "step"), ("step_size", 10L)),
                Config(("gamma", 0.1), ("schedule", "exponential")),
                Config(("gamma", 0.5), ("schedule", "exponential")),
            ],
            points);
    }

    [Fact]
    public void Points_ConditionChain_OnlyUnderActiveGrandparent()
    {
        var spec = Spec("""
            {"optimizer": {"type":"choice","values":["sgd","adam"]},
             "momentum": {"type":"choice","values":[0.0,0.9],"when":{"optimizer":["sgd"]}},
             "nesterov": {"type":"choice","values":[true,false],"when":{"momentum":[0.9]}}}
            """);

        var points = new GridSearcher(spec).Points;

        Assert.Equal(
            [
                Config(("momentum", 0.0), ("optimizer", "sgd")),
                Config(("momentum", 0.9), ("nesterov", true), ("optimizer", "sgd")),
                Config(("momentum", 0.9), ("nesterov", false), ("optimizer", "sgd")),
                Config(("optimizer", "adam")),
            ],
            points);
    }

    [Fact]
    public void Suggest_BudgetBelowGridSize_FinishedAtBudget()
    {
        var searcher = new GridSearcher(Spec("""{"hidden_layers": {"type":"int","low":1,"high":8}}""", maxTrials: 3));

        Assert.Equal([1L, 2L, 3L], Drain(searcher).Select(c => c["hidden_layers"].AsInt64()));
    }

    [Fact]
    public void Points_Shuffle_SeededPermutationOfSameGrid()
    {
        const string space = """{"hidden_layers": {"type":"int","low":1,"high":8}, "optimizer": {"type":"choice","values":["sgd","adam"]}}""";
        var ordered = new GridSearcher(Spec(space)).Points;
        var shuffled = new GridSearcher(Spec(space, """{"kind":"grid","shuffle":true}""", seed: 3), new GridSearcherOptions { Shuffle = true }).Points;
        var again = new GridSearcher(Spec(space, """{"kind":"grid","shuffle":true}""", seed: 3), new GridSearcherOptions { Shuffle = true }).Points;

        Assert.NotEqual(ordered, shuffled);
        Assert.Equal(ordered.ToHashSet(), shuffled.ToHashSet());
        Assert.Equal(shuffled, again);
    }

    [Fact]
    public void RestoreState_SavedMidway_ContinuesIdenticalSequence()
    {
        var spec = Spec("""{"hidden_layers": {"type":"int","low":1,"high":8}, "batch_norm": {"type":"choice","values":[true,false]}}""");
        var original = new GridSearcher(spec);
        for (var i = 0; i < 5; i++)
        {
            original.Suggest($"t{i}");
        }

        var restored = new GridSearcher(spec);
        restored.RestoreState(original.SaveState());

        Assert.Equal(Drain(original), Drain(restored));
        Assert.Equal(16, original.SuggestedCount);
    }

    [Fact]
    public void RestoreState_OtherSpace_Throws()
    {
        var state = new GridSearcher(Spec("""{"hidden_layers": {"type":"int","low":1,"high":8}}""")).SaveState();

        Assert.Throws<InvalidOperationException>(() => new GridSearcher(Spec("""{"hidden_layers": {"type":"int","low":1,"high":4}}""")).RestoreState(state));
    }

    [Fact]
    public void Constructor_ContinuousDomain_ThrowsWithPath()
    {
        var spec = Spec("{}") with { SearchSpace = new StudySpecBuilder("t").Uniform("dropout", 0, 0.5).BuildUnvalidated().SearchSpace };

        var exception = Assert.Throws<StudySpecException>(() => new GridSearcher(spec));

        Assert.Equal("$.search_space.dropout", Assert.Single(exception.Errors).Path);
    }

    [Fact]
    public void Points_EmptySpace_OneEmptyConfig() => Assert.Equal([TrialConfig.Empty], new GridSearcher(Spec("{}")).Points);
}
