using System.Globalization;
using System.Text.Json.Nodes;
using HyperTune.Search.Metrics;

namespace HyperTune.Bench;

/// <summary>
/// Search quality: the example digits study (its search space, 30 epochs per trial) with 60 trials on 2 slots, run
/// by three arms one after another on the same cluster — random search, TPE, and TPE with ASHA early stopping. For
/// each arm: the best validation accuracy, the wall time, and when 0.98 was first reached; then the time TPE+ASHA
/// took to reach random's best accuracy, as a ratio of random's wall time (target ≤ 0.5).
/// </summary>
internal static class SearchQualityBenchmark
{
    private const double Threshold = 0.98;

    public static async Task<int> RunAsync(string[] args)
    {
        var trials = BenchArguments.Int(args, "trials", 60);
        var slots = BenchArguments.Int(args, "slots", 2);
        var seed = BenchArguments.Int(args, "seed", 7);
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(FindRepositoryRoot(), "examples", "digits.json")))!.AsObject();
        var directory = Directory.CreateTempSubdirectory("hypertune-quality-").FullName;
        try
        {
            await using var cluster = await BenchCluster.StartAsync(slots, directory);
            var arms = new (string Name, JsonObject Searcher, JsonObject Scheduler)[]
            {
                ("random", new() { ["kind"] = "random" }, new() { ["kind"] = "none" }),
                ("tpe", new() { ["kind"] = "tpe" }, new() { ["kind"] = "none" }),
                ("tpe+asha", new() { ["kind"] = "tpe" }, new() { ["kind"] = "asha", ["grace_period"] = 3, ["reduction_factor"] = 3 }),
            };
            var results = new List<(string Name, StudyRun Run, Curve Curve)>();
            foreach (var (name, searcher, scheduler) in arms)
            {
                var spec = example.DeepClone().AsObject();
                spec["name"] = "quality-" + name.Replace('+', '-');
                spec["searcher"] = searcher;
                spec["scheduler"] = scheduler;
                spec["budget"]!["max_trials"] = trials;
                spec["budget"]!["max_concurrent_trials"] = slots;
                spec["seed"] = seed;
                Console.Error.WriteLine($"running {name}: {trials} trials on {slots} slots …");
                var run = await BenchCluster.RunStudyAsync(cluster.Client, "quality", spec.ToJsonString());
                var curve = Curve.Of(run);
                results.Add((name, run, curve));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-9} best val_accuracy {curve.Best:F4}  wall {run.Wall.TotalSeconds,6:F1} s  first ≥ {Threshold} at {Format(curve.FirstReaching(Threshold))}  epochs trained {curve.Epochs,5}  pruned {run.Trials.Count(t => t.State == Abstractions.Trials.TrialState.Pruned),2}"));
            }

            var random = results[0];
            var asha = results[2];
            var reached = asha.Curve.FirstReaching(random.Curve.Best);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tpe+asha reached random's best ({random.Curve.Best:F4}) at {Format(reached)}: {(reached is { } t ? (t / random.Run.Wall.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) : "n/a")} × random's wall time (target ≤ 0.5)"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Format(double? seconds) => seconds is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) + " s" : "never";

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "HyperTune.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (HyperTune.sln was not found).");
    }

    /// <summary>The best validation accuracy over time: every epoch of every trial, by seconds since the study began.</summary>
    private sealed record Curve(IReadOnlyList<(double Seconds, double Accuracy)> Points, int Epochs)
    {
        public double Best => Points.Count == 0 ? double.NaN : Points.Max(p => p.Accuracy);

        public static Curve Of(StudyRun run)
        {
            var start = run.Status.CreatedAt;
            var points = run.History.Trials
                .SelectMany(t => t.Epochs)
                .Where(e => e.Metrics.TryGetValue(MetricNames.ValidationAccuracy, out var a) && double.IsFinite(a))
                .Select(e => ((e.ReportedAt - start).TotalSeconds, e.Metrics[MetricNames.ValidationAccuracy]))
                .OrderBy(p => p.Item1)
                .ToList();
            return new Curve(points, run.History.Trials.Sum(t => t.Epochs.Length));
        }

        public double? FirstReaching(double accuracy) => Points.FirstOrDefault(p => p.Accuracy >= accuracy) is { Seconds: > 0 } hit ? hit.Seconds : null;
    }
}
