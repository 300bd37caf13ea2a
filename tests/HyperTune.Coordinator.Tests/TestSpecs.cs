using System.Globalization;

namespace HyperTune.Coordinator.Tests;

/// <summary>Study specs small enough that a whole study trains in a moment.</summary>
internal static class TestSpecs
{
    /// <summary>A grid of <paramref name="trials"/> learning rates (at most 3) on 200 blobs, each trial <paramref name="epochs"/> epochs.</summary>
    public static string Tiny(string name = "tiny", int trials = 2, int epochs = 2) => string.Create(CultureInfo.InvariantCulture, $$"""
        { "name": "{{name}}", "dataset": {"kind": "blobs", "samples": 200},
          "objective": {"metric": "val_accuracy", "direction": "maximize"},
          "search_space": { "learning_rate": {"type": "choice", "values": [0.01, 0.02, 0.05]}, "hidden_units": 8, "hidden_layers": 1 },
          "searcher": {"kind": "grid"},
          "budget": {"max_trials": {{trials}}, "max_concurrent_trials": 2, "max_epochs_per_trial": {{epochs}}},
          "checkpoint_interval": 0, "seed": 7 }
        """);

    /// <summary>
    /// One trial that trains until stopped: 100,000 epochs of four heavy steps each (about twenty epochs a second, so
    /// it reports at a pace a test can follow), with plain SGD on noisy moons so its loss never spikes into divergence.
    /// </summary>
    public static string Endless(string name = "endless") => $$"""
        { "name": "{{name}}", "dataset": {"kind": "moons", "samples": 2000},
          "search_space": { "optimizer": "sgd", "learning_rate": 0.01, "batch_size": 400, "hidden_units": 512, "hidden_layers": 2 },
          "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 100000},
          "checkpoint_interval": 0 }
        """;

    /// <summary>
    /// Two trials side by side: one of 2 epochs and one of 100,000 (it trains until stopped); once both end the study
    /// completes.
    /// </summary>
    public static string LongAndShort(string name = "long-and-short") => $$"""
        { "name": "{{name}}", "dataset": {"kind": "moons", "samples": 2000},
          "search_space": { "epochs": {"type": "choice", "values": [100000, 2]}, "optimizer": "sgd", "learning_rate": 0.01, "batch_size": 400,
                            "hidden_units": 512, "hidden_layers": 2 },
          "searcher": {"kind": "grid"},
          "budget": {"max_trials": 2, "max_concurrent_trials": 2, "max_epochs_per_trial": 100000},
          "checkpoint_interval": 0 }
        """;

    /// <summary>
    /// One trial over a CSV file that does not exist: the API refuses it; started past the API's checks, its trial fails
    /// before its first epoch.
    /// </summary>
    public static string MissingData(string name = "missing-data") => $$"""
        { "name": "{{name}}", "dataset": {"kind": "csv", "path": "no-such-file-{{Guid.NewGuid():N}}.csv", "label_column": "y"},
          "search_space": { "learning_rate": 0.01, "hidden_units": 8, "hidden_layers": 1 },
          "budget": {"max_trials": 1, "max_concurrent_trials": 1, "max_epochs_per_trial": 1},
          "checkpoint_interval": 0 }
        """;

    /// <summary>A spec with four problems: an unknown dataset, a negative bound, an unknown hyperparameter, no trials.</summary>
    public const string Invalid = """
        { "name": "bad", "dataset": {"kind": "nope"},
          "search_space": { "learning_rate": {"type": "loguniform", "low": -1, "high": 1}, "colour": 3 },
          "budget": {"max_trials": 0} }
        """;

    /// <summary>A fresh, valid study id.</summary>
    public static string NewId(string prefix = "s") => prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
