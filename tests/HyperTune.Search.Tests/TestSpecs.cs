using HyperTune.Search.Metrics;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests;

/// <summary>Specs shared by the tests.</summary>
internal static class TestSpecs
{
    /// <summary>The example of the study-spec format.</summary>
    public const string ExampleJson = """
        { "name": "digits-lr", "dataset": {"kind":"digits"}, "objective": {"metric":"val_accuracy","direction":"maximize"},
          "search_space": {
            "learning_rate": {"type":"loguniform","low":1e-5,"high":1},
            "batch_size": {"type":"choice","values":[32,64,128]},
            "optimizer": {"type":"choice","values":["sgd","adam"]},
            "hidden_layers": {"type":"int","low":1,"high":3},
            "schedule": {"type":"choice","values":["constant","step","exponential"]},
            "gamma": {"type":"uniform","low":0.1,"high":0.9,"when":{"schedule":["step","exponential"]}},
            "epochs": 10 },
          "searcher": {"kind":"random"},
          "budget": {"max_trials": 6, "max_concurrent_trials": 2, "max_epochs_per_trial": 10, "wall_clock_limit": "00:30:00"},
          "checkpoint_interval": 5, "seed": 42 }
        """;

    /// <summary>The example spec, parsed.</summary>
    public static StudySpec Example => StudySpecParser.ParseOrThrow(ExampleJson);

    /// <summary>The example spec, built in C#.</summary>
    public static StudySpecBuilder ExampleBuilder() =>
        new StudySpecBuilder("digits-lr")
            .WithDataset(DatasetKinds.Digits)
            .Maximize(MetricNames.ValidationAccuracy)
            .LogUniform("learning_rate", 1e-5, 1)
            .Choice("batch_size", 32, 64, 128)
            .Choice("optimizer", "sgd", "adam")
            .Int("hidden_layers", 1, 3)
            .Choice("schedule", "constant", "step", "exponential")
            .Uniform("gamma", 0.1, 0.9, when: ("schedule", ["step", "exponential"]))
            .Fixed("epochs", 10)
            .WithSearcher("random")
            .WithBudget(maxTrials: 6, maxConcurrentTrials: 2, maxEpochsPerTrial: 10, wallClockLimit: TimeSpan.FromMinutes(30))
            .WithCheckpointInterval(5)
            .WithSeed(42);

    /// <summary>A valid spec with the given search space JSON and searcher JSON.</summary>
    public static string Json(string searchSpace, string searcher = """{"kind":"random"}""", string extra = "") => $$"""
        { "name": "t", "search_space": {{searchSpace}}, "searcher": {{searcher}}{{extra}} }
        """;
}
