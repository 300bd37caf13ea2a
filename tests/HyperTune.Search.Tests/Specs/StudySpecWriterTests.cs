using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Specs;

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
}
