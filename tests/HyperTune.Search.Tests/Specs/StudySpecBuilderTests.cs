using HyperTune.Search.Metrics;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs;

public sealed class StudySpecBuilderTests
{
    [Fact]
    public void Build_ExampleInCSharp_EqualsParsedJson() => Assert.Equal(TestSpecs.Example, TestSpecs.ExampleBuilder().Build());

    [Fact]
    public void Build_ExampleInCSharp_WritesSameJsonAsParsed() =>
        Assert.Equal(StudySpecWriter.Write(TestSpecs.Example), StudySpecWriter.Write(TestSpecs.ExampleBuilder().Build()));

    [Fact]
    public void Build_GridWithOptions_EqualsParsedJson()
    {
        var built = new StudySpecBuilder("grid")
            .Choice("optimizer", "sgd", "adam")
            .Choice("momentum", [0, 0.9], when: ("optimizer", ["sgd"]))
            .WithSearcher(GridSearcherProvider.KindName, new GridSearcherOptions { Shuffle = true, MaxPoints = 50 })
            .Build();
        var parsed = StudySpecParser.ParseOrThrow("""
            { "name": "grid",
              "search_space": {
                "optimizer": {"type":"choice","values":["sgd","adam"]},
                "momentum": {"type":"choice","values":[0.0,0.9],"when":{"optimizer":["sgd"]}} },
              "searcher": {"kind":"grid","max_points":50,"shuffle":true} }
            """);

        Assert.Equal(parsed, built);
    }

    [Fact]
    public void Build_Invalid_ThrowsListingEveryError()
    {
        var builder = new StudySpecBuilder("bad name")
            .Maximize("val_f1")
            .LogUniform("learning_rate", 0, 1)
            .Choice("optimizer", "sgd", "lion")
            .Uniform("gamma", 0.1, 0.9, when: ("schedule", ["step"]))
            .WithBudget(maxTrials: 0);

        var exception = Assert.Throws<StudySpecException>(builder.Build);

        Assert.Equal(
            ["$.name", "$.objective.metric", "$.search_space.gamma.when.schedule", "$.search_space.learning_rate.low", "$.search_space.optimizer.values[1]", "$.budget.max_trials"],
            exception.Errors.Select(e => e.Path));
        Assert.Contains("6 errors", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_WholeNumberForFloatHyperparameter_StoredAsFloat()
    {
        var spec = new StudySpecBuilder("t").Fixed("learning_rate", 1).Build();

        Assert.Equal(new FixedDomain(1.0), spec.SearchSpace.Parameters.Single().Domain);
    }

    [Fact]
    public void Add_SameNameTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new StudySpecBuilder("t").Fixed("epochs", 5).Int("epochs", 1, 5));

    [Fact]
    public void Optimize_Metric_NaturalDirection()
    {
        Assert.Equal(OptimizationDirection.Maximize, new StudySpecBuilder("t").Optimize(MetricNames.ValidationAccuracy).Build().Objective.Direction);
        Assert.Equal(OptimizationDirection.Minimize, new StudySpecBuilder("t").Optimize(MetricNames.ValidationLoss).Build().Objective.Direction);
    }

    [Fact]
    public void WithBudget_SomeLimits_KeepsOthers()
    {
        var budget = new StudySpecBuilder("t").WithBudget(maxTrials: 3).Build().Budget;

        Assert.Equal(new BudgetSpec { MaxTrials = 3 }, budget);
    }

    [Fact]
    public void Int_ConditionOnIntParent_CoercesConditionValues()
    {
        var spec = new StudySpecBuilder("t")
            .Int("hidden_layers", 1, 3)
            .Int("hidden_units_3", 16, 64, step: 16, when: ("hidden_layers", [3]))
            .Build();

        Assert.Equal(new ParameterCondition("hidden_layers", [ParameterValue.Of(3L)]), spec.SearchSpace.Parameters.Single(p => p.Name == "hidden_units_3").When);
    }

    [Fact]
    public void WithLearningRateRangeTest_Defaults_EqualsParsedEmptySection()
    {
        var built = new StudySpecBuilder("t").WithLearningRateRangeTest().Build();

        Assert.Equal(StudySpecParser.ParseOrThrow("""{"name": "t", "lr_range_test": {}}"""), built);
        Assert.Equal(new LearningRateRangeTestSpec(), built.LearningRateRangeTest);
    }

    [Fact]
    public void WithLearningRateRangeTest_ConfigAndOptions_EqualsParsedJson()
    {
        var built = TestSpecs.ExampleBuilder()
            .WithLearningRateRangeTest(
                new Dictionary<string, ParameterValue> { ["optimizer"] = "adam", ["momentum"] = 0, ["batch_size"] = 128 },
                setBounds: false,
                options: new LearningRateRangeTestOptions { StartLearningRate = 1e-6, Steps = 50 })
            .Build();
        var parsed = StudySpecParser.ParseOrThrow(TestSpecs.ExampleJson.TrimEnd()[..^1] + """
            , "lr_range_test": {"start_lr": 1e-6, "steps": 50, "set_bounds": false, "config": {"optimizer": "adam", "momentum": 0, "batch_size": 128}} }
            """);

        Assert.Equal(parsed, built);
        Assert.Equal(ParameterValue.Of(0.0), built.LearningRateRangeTest!.Config["momentum"]);
    }

    [Fact]
    public void WithLearningRateRangeTest_Spec_KeptAsGiven()
    {
        var rangeTest = new LearningRateRangeTestSpec { SetBounds = false, Options = new LearningRateRangeTestOptions { Steps = 30 } };

        Assert.Same(rangeTest, new StudySpecBuilder("t").WithLearningRateRangeTest(rangeTest).Build().LearningRateRangeTest);
    }

    [Fact]
    public void WithLearningRateRangeTest_Invalid_BuildThrowsWithPaths()
    {
        var builder = new StudySpecBuilder("t")
            .WithLearningRateRangeTest(
                new Dictionary<string, ParameterValue> { ["optimiser"] = "adam" },
                options: new LearningRateRangeTestOptions { Steps = 3, EndLearningRate = 1e-8 });

        var exception = Assert.Throws<StudySpecException>(builder.Build);

        Assert.Equal(["$.lr_range_test.end_lr", "$.lr_range_test.steps", "$.lr_range_test.config.optimiser"], exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Build_WithoutRangeTest_None() => Assert.Null(new StudySpecBuilder("t").Build().LearningRateRangeTest);
}
