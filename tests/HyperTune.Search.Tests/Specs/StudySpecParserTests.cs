using HyperTune.Search.Metrics;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs;

public sealed class StudySpecParserTests
{
    [Fact]
    public void Parse_Example_ReadsEveryField()
    {
        var result = StudySpecParser.Parse(TestSpecs.ExampleJson);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var spec = result.Spec;
        Assert.Equal("digits-lr", spec.Name);
        Assert.Equal(DatasetKinds.Digits, spec.Dataset.Kind);
        Assert.Equal(new ObjectiveSpec(MetricNames.ValidationAccuracy, OptimizationDirection.Maximize), spec.Objective);
        Assert.Equal(new LogUniformFloatDomain(1e-5, 1), spec.SearchSpace.Parameters.Single(p => p.Name == "learning_rate").Domain);
        Assert.Equal(new CategoricalDomain([32L, 64L, 128L]), spec.SearchSpace.Parameters.Single(p => p.Name == "batch_size").Domain);
        Assert.Equal(new IntDomain(1, 3), spec.SearchSpace.Parameters.Single(p => p.Name == "hidden_layers").Domain);
        Assert.Equal(new FixedDomain(10L), spec.SearchSpace.Parameters.Single(p => p.Name == "epochs").Domain);
        Assert.Equal(new ParameterCondition("schedule", ["step", "exponential"]), spec.SearchSpace.Parameters.Single(p => p.Name == "gamma").When);
        Assert.Equal("random", spec.Searcher.Kind);
        Assert.Equal("none", spec.Scheduler.Kind);
        Assert.Equal(new BudgetSpec { MaxTrials = 6, MaxConcurrentTrials = 2, MaxEpochsPerTrial = 10, WallClockLimit = TimeSpan.FromMinutes(30) }, spec.Budget);
        Assert.Equal(5, spec.CheckpointInterval);
        Assert.Equal(42, spec.Seed);
    }

    [Fact]
    public void Parse_MinimalSpec_TakesDefaults()
    {
        var spec = StudySpecParser.ParseOrThrow("""{"name":"minimal"}""");

        Assert.Equal(new StudySpec { Name = "minimal" }, spec);
        Assert.Equal(ObjectiveSpec.Default, spec.Objective);
        Assert.Equal(10, spec.Budget.MaxTrials);
        Assert.Equal(2, spec.Budget.MaxConcurrentTrials);
        Assert.Equal(20, spec.Budget.MaxEpochsPerTrial);
        Assert.Equal(5, spec.CheckpointInterval);
    }

    [Fact]
    public void Parse_DirectionLeftOut_FollowsMetric()
    {
        var spec = StudySpecParser.ParseOrThrow("""{"name":"t","objective":{"metric":"val_accuracy"}}""");

        Assert.Equal(OptimizationDirection.Maximize, spec.Objective.Direction);
    }

    [Fact]
    public void Parse_DirectionAgainstMetric_Allowed()
    {
        var spec = StudySpecParser.ParseOrThrow("""{"name":"t","objective":{"metric":"val_accuracy","direction":"minimize"}}""");

        Assert.Equal(OptimizationDirection.Minimize, spec.Objective.Direction);
    }

    [Fact]
    public void Parse_MalformedJson_OneErrorWithLineAndPosition()
    {
        var result = StudySpecParser.Parse("{\n  \"name\": \"x\",\n  \"seed\": ,\n}");

        var error = Assert.Single(result.Errors);
        Assert.False(result.IsValid);
        Assert.Equal("$", error.Path);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FiveMistakes_FiveErrorsWithPaths()
    {
        const string json = """
            { "name": "five",
              "objective": {"metric": "val_rmse"},
              "search_space": {
                "learning_rate": {"type": "loguniform", "low": 0, "high": 1},
                "optimizer": {"type": "choice", "values": ["sgd", "lion"]},
                "gamma": {"type": "uniform", "low": 0.1, "high": 0.9, "when": {"schedule": ["step"]}}
              },
              "budget": {"max_trials": 0}
            }
            """;

        var result = StudySpecParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Spec);
        Assert.Equal(
            [
                "$.objective.metric",
                "$.search_space.gamma.when.schedule",
                "$.search_space.learning_rate.low",
                "$.search_space.optimizer.values[1]",
                "$.budget.max_trials",
            ],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_StructuralAndSemanticMistakes_AllReportedOnce()
    {
        const string json = """
            { "name": "mixed",
              "dataset": {"kind": "digitz", "validation_fraction": "a lot"},
              "search_space": {
                "batch_size": {"type": "int", "low": 16},
                "momentum": {"type": "normal", "low": 0, "high": 1},
                "dropout": {"type": "uniform", "low": 0, "high": 0.99, "lo": 1}
              },
              "searcher": {"kind": "grid"},
              "colour": "blue"
            }
            """;

        var paths = StudySpecParser.Parse(json).Errors.Select(e => e.Path).ToList();

        Assert.Equal(
            [
                "$.dataset.validation_fraction",
                "$.search_space.batch_size.high",
                "$.search_space.momentum.type",
                "$.search_space.dropout.lo",
                "$.colour",
                "$.dataset.kind",
            ],
            paths);
    }

    [Fact]
    public void Parse_UnknownProperty_SuggestsClosest()
    {
        var error = Assert.Single(StudySpecParser.Parse("""{"name":"t","budget":{"max_trails":3}}""").Errors);

        Assert.Equal("$.budget.max_trails", error.Path);
        Assert.Contains("did you mean 'max_trials'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WholeNumbersForFloatHyperparameter_ReadAsFloats()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("""{"momentum": {"type":"choice","values":[0, 0.9]}, "weight_decay": 0}"""));

        Assert.Equal(new CategoricalDomain([0.0, 0.9]), spec.SearchSpace.Parameters.Single(p => p.Name == "momentum").Domain);
        Assert.Equal(new FixedDomain(0.0), spec.SearchSpace.Parameters.Single(p => p.Name == "weight_decay").Domain);
    }

    [Fact]
    public void Parse_ArrayAsDomain_ExplainsChoice()
    {
        var error = Assert.Single(StudySpecParser.Parse(TestSpecs.Json("""{"batch_size": [32, 64]}""")).Errors);

        Assert.Equal("$.search_space.batch_size", error.Path);
        Assert.Contains("choice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConditionOnUnreadableParent_ReportsOnlyTheParent()
    {
        var errors = StudySpecParser.Parse(TestSpecs.Json("""
            {"schedule": {"type":"choice"}, "gamma": {"type":"uniform","low":0.1,"high":0.9,"when":{"schedule":["step"]}}}
            """)).Errors;

        Assert.Equal("$.search_space.schedule.values", Assert.Single(errors).Path);
    }

    [Fact]
    public void Parse_ConditionWithSingleValue_Accepted()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("""
            {"optimizer": {"type":"choice","values":["sgd","adam"]}, "momentum": {"type":"uniform","low":0,"high":0.9,"when":{"optimizer":"sgd"}}}
            """));

        Assert.Equal(new ParameterCondition("optimizer", ["sgd"]), spec.SearchSpace.Parameters.Single(p => p.Name == "momentum").When);
    }

    [Fact]
    public void Parse_SearcherAsString_Accepted() =>
        Assert.Equal("grid", StudySpecParser.ParseOrThrow("""{"name":"t","searcher":"grid"}""").Searcher.Kind);

    [Fact]
    public void Parse_CommentsAndTrailingCommas_Accepted() =>
        Assert.True(StudySpecParser.Parse("{ // a study\n \"name\": \"t\", }").IsValid);

    [Fact]
    public void Parse_RepeatedProperty_Reported() =>
        Assert.Equal("$.seed", Assert.Single(StudySpecParser.Parse("""{"name":"t","seed":1,"seed":2}""").Errors).Path);

    [Fact]
    public void Parse_NameMissing_Reported() =>
        Assert.Equal("$.name", Assert.Single(StudySpecParser.Parse("{}").Errors).Path);

    [Fact]
    public void Parse_NotAnObject_Reported() =>
        Assert.Equal("$", Assert.Single(StudySpecParser.Parse("[1, 2]").Errors).Path);

    [Fact]
    public void ParseOrThrow_Invalid_ThrowsWithEveryError()
    {
        var exception = Assert.Throws<StudySpecException>(() => StudySpecParser.ParseOrThrow("""{"name":"t","seed":"x","checkpoint_interval":-1}"""));

        Assert.Equal(["$.seed", "$.checkpoint_interval"], exception.Errors.Select(e => e.Path));
        Assert.Contains("$.checkpoint_interval", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FixedWithCondition_Read()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("""
            {"schedule": {"type":"choice","values":["constant","step"]}, "step_size": {"type":"fixed","value":5,"when":{"schedule":["step"]}}}
            """));

        Assert.Equal(new SearchParameter("step_size", new FixedDomain(5L), new ParameterCondition("schedule", ["step"])), spec.SearchSpace.Parameters.Single(p => p.Name == "step_size"));
    }

    [Fact]
    public void Parse_IntBoundsWrittenAsWholeFloats_Read() =>
        Assert.Equal(
            new IntDomain(16, 256, 16),
            StudySpecParser.ParseOrThrow(TestSpecs.Json("""{"batch_size": {"type":"int","low":16.0,"high":256,"step":16}}""")).SearchSpace.Parameters[0].Domain);

    [Fact]
    public void Parse_BoolChoice_Read() =>
        Assert.Equal(
            new CategoricalDomain([true, false]),
            StudySpecParser.ParseOrThrow(TestSpecs.Json("""{"batch_norm": {"type":"choice","values":[true,false]}}""")).SearchSpace.Parameters[0].Domain);

    [Fact]
    public void Parse_ValueOfOddType_Reported() =>
        Assert.Equal(
            "$.search_space.epochs",
            Assert.Single(StudySpecParser.Parse(TestSpecs.Json("""{"epochs": null}""")).Errors).Path);

    [Fact]
    public void Parse_SpecErrors_FormatAsPathAndMessage() =>
        Assert.StartsWith("$.seed: ", StudySpecParser.Parse("""{"name":"t","seed":true}""").Errors[0].ToString(), StringComparison.Ordinal);

    [Fact]
    public void Parse_IntValuesInConditionOnIntParent_Read()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("""
            {"hidden_layers": {"type":"int","low":1,"high":3}, "hidden_units_3": {"type":"choice","values":[16,32],"when":{"hidden_layers":[3]}}}
            """));

        Assert.Equal(new ParameterCondition("hidden_layers", [ParameterValue.Of(3L)]), spec.SearchSpace.Parameters.Single(p => p.Name == "hidden_units_3").When);
    }

    [Fact]
    public void Parse_NumberBeyondDouble_ReportedNotThrown() =>
        Assert.Equal(
            "$.search_space.learning_rate",
            Assert.Single(StudySpecParser.Parse(TestSpecs.Json("""{"learning_rate": 1e400}""")).Errors).Path);

    [Fact]
    public void Parse_EmptyParameterName_ReportedNotThrown()
    {
        var error = Assert.Single(StudySpecParser.Parse(TestSpecs.Json("""{"": 1, "epochs": 5}""")).Errors);

        Assert.Equal("$.search_space['']", error.Path);
        Assert.Contains("unknown hyperparameter ''", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FortyThousandUnknownKeys_ListsAHundredProblemsAndCountsTheRest()
    {
        var json = "{\"name\": \"flood\"" + string.Concat(Enumerable.Range(0, 40_000).Select(i => $", \"k{i}\": 1")) + "}";

        var result = StudySpecParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Equal(StudySpecParser.MaxListedProblems + 1, result.Errors.Count);
        Assert.All(result.Errors.Take(StudySpecParser.MaxListedProblems), e => Assert.StartsWith("is not a property of a study spec", e.Message));
        Assert.Equal("$", result.Errors[^1].Path);
        Assert.Contains("39,900 more problems", result.Errors[^1].Message);
        Assert.True(result.Errors.Sum(e => e.Path.Length + e.Message.Length) < 32 * 1024, "the problems' text is bounded");
    }

    [Fact]
    public void Parse_ManyUnknownHyperparameters_ListsAHundredProblems()
    {
        var json = "{\"name\": \"flood\", \"search_space\": {\"learning_rate\": 0.1" + string.Concat(Enumerable.Range(0, 5_000).Select(i => $", \"k{i}\": 1")) + "}}";

        var result = StudySpecParser.Parse(json);

        Assert.Equal(StudySpecParser.MaxListedProblems + 1, result.Errors.Count);
        Assert.Equal("$.search_space.k0", result.Errors[0].Path);
        Assert.Contains("4,900 more problems", result.Errors[^1].Message);
    }

    [Fact]
    public void Parse_HugeValue_MessageRepeatsOnlyItsStart()
    {
        var name = new string('x', 100_000) + "!";

        var result = StudySpecParser.Parse("{\"name\": \"" + name + "\", \"dataset\": {\"kind\": \"" + name + "\"}}");

        Assert.Equal(["$.name", "$.dataset.kind"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.True(e.Message.Length < 1000, $"{e.Message.Length} characters"));
    }

    [Fact]
    public void Parse_TextLongerThanTheLimit_OneProblemWithoutReadingIt()
    {
        var json = "{\"name\": \"" + new string('x', StudySpecParser.MaxLength) + "\"}";

        var result = StudySpecParser.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains("at most 4,194,304 are read", error.Message);
    }

    [Fact]
    public void Parse_NestedDeeperThanTheLimit_Malformed()
    {
        var json = "{\"name\": \"deep\", \"seed\": " + new string('[', StudySpecParser.MaxDepth + 1) + new string(']', StudySpecParser.MaxDepth + 1) + "}";

        var error = Assert.Single(StudySpecParser.Parse(json).Errors);

        Assert.Equal("$", error.Path);
        Assert.Contains("malformed JSON", error.Message);
    }
}
