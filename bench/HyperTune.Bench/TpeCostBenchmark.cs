using System.Diagnostics;
using System.Globalization;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.Tpe;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Bench;

/// <summary>
/// The cost of one TPE suggestion as history grows, side by side with the random searcher: for 1,000 and 10,000
/// completed trials of the digits example's search space (synthetic accuracies), the median and 95th percentile time
/// of <c>--suggestions</c> suggestions (each completed before the next), the fastest one, and the process CPU time per
/// suggestion over the timed ones (which other processes on a shared machine do not inflate). Target: under 10 ms per
/// TPE suggestion.
/// </summary>
internal static class TpeCostBenchmark
{
    private const int Warmup = 50;

    public static int Run(string[] args)
    {
        var suggestions = BenchArguments.Int(args, "suggestions", 50);
        var specPath = FindExample("digits.json");
        var example = StudySpecParser.ParseOrThrow(File.ReadAllText(specPath));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search space of {Path.GetFileName(specPath)}: {example.SearchSpace.Count} parameters; {suggestions} timed suggestions per row"));
        Console.WriteLine("completed | searcher | median ms | p95 ms  | min ms  | CPU ms/suggestion");
        foreach (var history in new[] { 1_000, 10_000 })
        {
            var tpe = Measure(example, TpeSearcherProvider.KindName, new TpeSearcherOptions { NStartupTrials = history }, history, suggestions);
            var random = Measure(example, "random", null, history, suggestions);
            Print(history, "tpe", tpe);
            Print(history, "random", random);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{history,9} | tpe/random: median {Percentile(tpe.Times, 0.5) / Percentile(random.Times, 0.5):F0}×, CPU {tpe.CpuPerSuggestion / Math.Max(random.CpuPerSuggestion, 1e-3):F0}×; TPE {(tpe.CpuPerSuggestion < 10 && Percentile(tpe.Times, 0.5) < 10 ? "within" : "above")} the 10 ms target"));
        }

        return 0;
    }

    private static void Print(int history, string kind, (List<double> Times, double CpuPerSuggestion) result) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{history,9} | {kind,-8} | {Percentile(result.Times, 0.5),9:F3} | {Percentile(result.Times, 0.95),7:F3} | {result.Times.Min(),7:F3} | {result.CpuPerSuggestion,8:F3}"));

    /// <summary>
    /// Suggestion times in ms after <paramref name="history"/> completed trials (the first ones random, so filling is
    /// fast), and the process CPU ms per timed suggestion.
    /// </summary>
    private static (List<double> Times, double CpuPerSuggestion) Measure(StudySpec example, string kind, object? options, int history, int suggestions)
    {
        var spec = example with
        {
            Searcher = new SearcherSpec(kind, AlgorithmOptions.FromObject(options)),
            Budget = example.Budget with { MaxTrials = history + Warmup + suggestions },
        };
        var searcher = SearcherFactory.Create(spec);
        var noise = new Random(1);
        var times = new List<double>();
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < history + Warmup + suggestions; i++)
        {
            if (i == history + Warmup)
            {
                GC.Collect();
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
            }

            var id = "t" + i.ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            var config = searcher.Suggest(id).Config!;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (i >= history + Warmup)
            {
                times.Add(elapsed.TotalMilliseconds);
            }

            searcher.OnTrialComplete(id, new Dictionary<string, double> { [MetricNames.ValidationAccuracy] = Accuracy(config, noise) }, failed: false);
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return (times, cpu.TotalMilliseconds / suggestions);
    }

    /// <summary>A made-up accuracy that peaks at learning rate 1e-3 and dropout 0.1, with noise.</summary>
    private static double Accuracy(TrialConfig config, Random noise)
    {
        var lr = Math.Log10(config["learning_rate"].AsDouble()) + 3;
        var dropout = config["dropout"].AsDouble() - 0.1;
        return Math.Clamp(0.98 - (0.03 * lr * lr) - (0.1 * Math.Abs(dropout)) + (0.01 * noise.NextDouble()), 0, 1);
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
    }

    private static string FindExample(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"examples/{name} was not found above {AppContext.BaseDirectory}.");
    }
}
