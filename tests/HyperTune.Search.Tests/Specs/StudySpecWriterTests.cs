using HyperTune.Search.RangeTest;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs;

public sealed class StudySpecWriterTests
{
    [Fact]
    public void Write_Example_JsonSpecJsonSpecEqual()
    {
        var spec = TestSpecs.Example;

        var json = StudySpecWriter.Write(spec);
        var again = StudySpecParser.ParseOrThrow(json);

        Assert.Equal(spec, again);
        Assert.Equal(json, StudySpecWriter.Write(again));
    }

    [Fact]
    public void Write_EveryFeature_RoundTrips()
    {
        const string json = """
            { "name": "everything",
              "dataset": {"kind": "csv", "path": "data/train.csv", "label_column": "price", "task": "regression",
                          "validation_path": "data/val.csv", "validation_fraction": 0.25, "samples": 500, "noise": 0.3,
                          "classes": 4, "features": 7, "seed": 9, "standardize": false, "missing_values": "fill_mean"},
              "objective": {"metric": "val_r2"},
              "search_space": {
                "batch_size": {"type": "int", "low": 16, "high": 256, "step": 16},
                "hidden_units": {"type": "int", "low": 8, "high": 16, "log": true},
                "batch_norm": {"type": "choice", "values": [true, false]},
                "momentum": {"type": "choice", "values": [0, 0.5, 0.9]},
                "optimizer": {"type": "choice", "values": ["sgd", "adam"]},
                "nesterov": {"type": "fixed", "value": true, "when": {"optimizer": ["sgd"]}},
                "learning_rate": 0.01,
                "weight_decay": 1e-7
              },
              "searcher": {"kind": "grid", "shuffle": true, "max_points": 5000},
              "scheduler": {"kind": "none"},
              "budget": {"max_trials": 40, "max_concurrent_trials": 4, "max_epochs_per_trial": 30, "wall_clock_limit": "1.02:03:04"},
              "checkpoint_interval": 0, "seed": -12345678901 }
            """;

        var spec = StudySpecParser.ParseOrThrow(json);
        var written = StudySpecWriter.Write(spec);

        Assert.Equal(spec, StudySpecParser.ParseOrThrow(written));
        Assert.Equal(written, StudySpecWriter.Write(StudySpecParser.ParseOrThrow(written)));
        Assert.Equal(new GridSearcherOptions { Shuffle = true, MaxPoints = 5000 }.MaxPoints, spec.Searcher.Options["max_points"].GetInt32());
    }

    [Theory]
    [InlineData("""{"kind": "tpe", "n_startup_trials": 5, "gamma": 0.15, "constant_liar": false}""", """{"kind": "asha", "grace_period": 2, "reduction_factor": 3, "max_t": 18, "brackets": 2}""")]
    [InlineData("""{"kind": "tpe"}""", """{"kind": "hyperband", "reduction_factor": 2}""")]
    [InlineData("""{"kind": "random"}""", """{"kind": "median", "grace_period": 3, "min_samples": 4, "use_running_average": true}""")]
    [InlineData("""{"kind": "tpe", "max_history": 500}""", """{"kind": "pbt", "perturbation_interval": 4, "quantile_fraction": 0.2, "perturbation_factors": [0.5, 2.0], "hyperparam_mutations": ["learning_rate", "dropout"]}""")]
    [InlineData("""{"kind": "random"}""", """{"kind": "plateau", "patience": 2, "factor": 0.3, "threshold": 0.001, "cooldown": 1, "min_lr": 1e-6}""")]
    public void Write_NewSearcherAndSchedulerKinds_RoundTripValid(string searcher, string scheduler)
    {
        var json = TestSpecs.Json("""{"dropout": {"type": "uniform", "low": 0, "high": 0.5}}""", searcher, $$""", "scheduler": {{scheduler}}, "budget": {"max_epochs_per_trial": 20}""");
        var spec = StudySpecParser.Parse(json).GetSpecOrThrow();

        var written = StudySpecWriter.Write(spec);

        Assert.Equal(spec, StudySpecParser.ParseOrThrow(written));
        Assert.Equal(written, StudySpecWriter.Write(StudySpecParser.ParseOrThrow(written)));
        Assert.NotNull(Search.Schedulers.SchedulerFactory.Create(spec));
        Assert.NotNull(Search.Searchers.SearcherFactory.Create(spec));
    }

    [Fact]
    public void Write_FixedWithoutCondition_BareValueAndFloatKeepsFraction()
    {
        var json = StudySpecWriter.Write(StudySpecParser.ParseOrThrow(TestSpecs.Json("""{"epochs": 10, "learning_rate": 1}""")), indented: false);

        Assert.Contains("\"epochs\":10,", json, StringComparison.Ordinal);
        Assert.Contains("\"learning_rate\":1.0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DefaultDataset_OnlyKind() =>
        Assert.Contains("\"dataset\":{\"kind\":\"digits\"}", StudySpecWriter.Write(new StudySpec { Name = "t" }, indented: false), StringComparison.Ordinal);

    [Fact]
    public void ToJson_SameAsWriter() => Assert.Equal(StudySpecWriter.Write(TestSpecs.Example), TestSpecs.Example.ToJson());

    [Fact]
    public void Write_RangeTestWithEveryMember_RoundTrips()
    {
        var json = TestSpecs.Json(
            """{"learning_rate": {"type": "loguniform", "low": 1e-5, "high": 1}, "optimizer": {"type": "choice", "values": ["sgd", "adam"]}}""",
            extra: """
                , "lr_range_test": {"start_lr": 1e-8, "end_lr": 3, "steps": 250, "smoothing": 0, "divergence_factor": 2.5,
                  "skip_start": 0, "skip_end": 1, "set_bounds": false,
                  "config": {"optimizer": "sgd", "momentum": 0, "hidden_units": 64, "batch_norm": true, "weight_decay": 1e-4}}
                """);
        var spec = StudySpecParser.ParseOrThrow(json);

        var written = StudySpecWriter.Write(spec);
        var again = StudySpecParser.ParseOrThrow(written);

        Assert.Equal(spec, again);
        Assert.Equal(written, StudySpecWriter.Write(again));
        Assert.Equal(ParameterValue.Of(0.0), again.LearningRateRangeTest!.Config["momentum"]);
        Assert.Equal(250, again.LearningRateRangeTest.Options.Steps);
        Assert.False(again.LearningRateRangeTest.SetBounds);
    }

    [Fact]
    public void Write_RangeTestDefaults_EveryOptionWritten()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("{}", extra: """, "lr_range_test": {"config": {"optimizer": "adam", "dropout": 0}}"""));

        var written = StudySpecWriter.Write(spec, indented: false);

        Assert.EndsWith(
            "\"lr_range_test\":{\"start_lr\":1E-07,\"end_lr\":10,\"steps\":100,\"smoothing\":0.98,\"divergence_factor\":4,\"skip_start\":10,\"skip_end\":5,\"set_bounds\":true,\"config\":{\"dropout\":0.0,\"optimizer\":\"adam\"}}}",
            written,
            StringComparison.Ordinal);
        Assert.Equal(spec, StudySpecParser.ParseOrThrow(written));
    }

    [Fact]
    public void Write_RangeTestBuiltWithOddNumbers_RoundTrips()
    {
        var spec = new StudySpecBuilder("odd")
            .LogUniform("learning_rate", 1e-5, 1)
            .WithLearningRateRangeTest(
                new Dictionary<string, ParameterValue> { ["dropout"] = 1.0 / 3, ["hidden_units"] = 96 },
                options: new LearningRateRangeTestOptions { StartLearningRate = 1.0 / 3 * 1e-7, EndLearningRate = Math.PI, SmoothingBeta = 0.987654321987, DivergenceFactor = Math.E })
            .Build();

        Assert.Equal(spec, StudySpecParser.ParseOrThrow(StudySpecWriter.Write(spec)));
    }

    [Fact]
    public void Write_NoRangeTest_SectionLeftOutAndReadBackAsNone()
    {
        var written = StudySpecWriter.Write(TestSpecs.Example);

        Assert.DoesNotContain("lr_range_test", written, StringComparison.Ordinal);
        Assert.Null(StudySpecParser.ParseOrThrow(written).LearningRateRangeTest);
    }
}
