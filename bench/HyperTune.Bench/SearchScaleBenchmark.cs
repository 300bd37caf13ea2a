using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Searchers;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs;

namespace HyperTune.Bench;

/// <summary>
/// Whether a study stays flat from 1,000 to 100,000 trials: for each searcher (with no scheduler) and each scheduler
/// (with the random searcher), the study is driven to N finished trials (8 running at a time, 9 epochs each, a
/// checkpoint every 3, 1% NaN results, 2% failures, prunes and PBT exploits applied), then the next
/// <c>--window</c> trials are timed call by call. Reported per call kind: the median and 90th percentile µs at each N
/// (the percentile catches the calls that decide: rung epochs, PBT intervals), and the ratio of the largest N to the
/// smallest (1.0 is flat). Beside the calls: the per-event flush a store keeps in step with
/// (shared part + the changed trials' parts), and, as the baseline it replaces, the whole state of both. Last, the
/// searcher's and scheduler's managed memory per finished trial at the largest N.
/// </summary>
internal static class SearchScaleBenchmark
{
    private const int Concurrency = 8;
    private const int Epochs = 9;

    private static readonly string[] Columns =
        ["suggest", "searcher.result", "scheduler.result", "searcher.complete", "scheduler.complete", "flush", "whole state"];

    public static int Run(string[] args)
    {
        var sizes = BenchArguments.Ints(args, "sizes", [1_000, 10_000, 100_000]);
        var window = BenchArguments.Int(args, "window", 300);
        var only = BenchArguments.String(args, "only");
        var example = StudySpecParser.ParseOrThrow(File.ReadAllText(FindExample("digits.json")));
        var arms = Arms().Where(a => only is null || only.Split(',').Contains(a.Name)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sizes {string.Join(", ", sizes)} finished trials; {window} timed trials after each; {Concurrency} running, {Epochs} epochs each; medians in µs"));
        Console.WriteLine("each cell: median / 90th percentile µs per call; ratio: largest size over smallest (values under 0.1 µs count as 0.1)");
        Console.WriteLine($"{"arm",-16} | {"finished",8} | {string.Join(" | ", Columns.Select(c => c.PadLeft(22)))}");
        foreach (var arm in arms)
        {
            var results = new List<Result>();
            Measure(SpecOf(example, arm, 1000 + window + (4 * Concurrency)), 1000, window, measureMemory: false); // warm-up: JIT, tiering
            foreach (var size in sizes)
            {
                var result = Measure(SpecOf(example, arm, size + window + (4 * Concurrency)), size, window, measureMemory: false);
                results.Add(result);
                Console.WriteLine($"{arm.Name,-16} | {size,8} | {string.Join(" | ", result.Medians.Zip(result.P90s, Format))}");
            }

            if (sizes.Length > 1)
            {
                var medians = Ratios(results[^1].Medians, results[0].Medians);
                var p90s = Ratios(results[^1].P90s, results[0].P90s);
                Console.WriteLine($"{arm.Name,-16} | {"ratio",8} | {string.Join(" | ", medians.Zip(p90s, (a, b) => $"{a}× / {b}×".PadLeft(22)))}");
            }
        }

        foreach (var arm in arms.Where(a => a.Name is "random+none" or "tpe+asha"))
        {
            var size = sizes.Max();
            var result = Measure(SpecOf(example, arm, size + 10 + (4 * Concurrency)), size, 10, measureMemory: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory {arm.Name,-16}: {result.BytesPerTrial / 1024.0:F2} KB per finished trial at {size} (searcher + scheduler, managed heap after a full collection)"));
        }

        return 0;
    }

    private static string Format(double median, double mean) => $"{Format(median)} / {Format(mean)}".PadLeft(22);

    private static string Format(double microseconds) =>
        double.IsNaN(microseconds) ? "-" : microseconds.ToString(microseconds < 100 ? "F2" : "F0", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Ratios(double[] last, double[] first) =>
        last.Zip(first, (l, f) => double.IsNaN(l) || double.IsNaN(f) ? "-" : (Math.Max(l, 0.1) / Math.Max(f, 0.1)).ToString("F2", CultureInfo.InvariantCulture));

    private static IEnumerable<Arm> Arms()
    {
        yield return new("random+none", "random", null, "none", null);
        yield return new("grid+none", "grid", new { max_points = 1_000_000 }, "none", null);
        yield return new("tpe+none", "tpe", null, "none", null);
        yield return new("random+median", "random", null, "median", null);
        yield return new("random+asha", "random", null, "asha", null);
        yield return new("random+hyperband", "random", null, "hyperband", null);
        yield return new("random+pbt", "random", null, "pbt", new { perturbation_interval = 3 });
        yield return new("random+plateau", "random", null, "plateau", new { patience = 2 });
        yield return new("tpe+asha", "tpe", null, "asha", null);
    }

    private static StudySpec SpecOf(StudySpec example, Arm arm, int maxTrials)
    {
        var searcherOptions = arm.Searcher == "tpe" ? new { n_startup_trials = maxTrials } : arm.SearcherOptions; // random while filling
        var spec = example with
        {
            Searcher = new SearcherSpec(arm.Searcher, AlgorithmOptions.FromObject(searcherOptions)),
            Scheduler = new SchedulerSpec(arm.Scheduler, AlgorithmOptions.FromObject(arm.SchedulerOptions)),
            Budget = example.Budget with { MaxTrials = maxTrials, MaxEpochsPerTrial = Epochs },
            CheckpointInterval = 3,
        };
        return arm.Searcher == "grid"
            ? spec with
            {
                SearchSpace = new SearchSpace(
                [
                    new SearchParameter("hidden_units", new IntDomain(1, 100)),
                    new SearchParameter("batch_size", new IntDomain(1, 100)),
                    new SearchParameter("step_size", new IntDomain(1, 20)),
                ]),
            }
            : spec;
    }

    /// <summary>Fills <paramref name="size"/> finished trials, then times the calls of the next <paramref name="window"/>.</summary>
    private static Result Measure(StudySpec spec, int size, int window, bool measureMemory)
    {
        if (spec.Searcher.Kind == "tpe")
        {
            // TPE suggests at random while filling (fast), then models the whole history in the window.
            spec = spec with { Searcher = spec.Searcher with { Options = AlgorithmOptions.FromObject(new { n_startup_trials = size }) } };
        }

        if (measureMemory)
        {
            // What the searcher and scheduler hold: the heap with them, less the heap once they are gone.
            var with = FillAndCollect(spec, size);
            return new Result([], [], (with - FullCollection()) / (double)size);
        }

        var driver = new StudyDriver(SearcherFactory.Create(spec), SchedulerFactory.Create(spec), Epochs, Concurrency);
        driver.RunUntil(size, timings: null);
        var timings = Columns.Select(_ => new List<double>()).ToArray();
        driver.RunUntil(size + window, timings);
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            driver.SaveWholeState();
            timings[^1].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        return new Result([.. timings.Select(t => Percentile(t, 0.5))], [.. timings.Select(t => Percentile(t, 0.9))], 0);
    }

    /// <summary>Fills a study and returns the heap size while its searcher and scheduler are still alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long FillAndCollect(StudySpec spec, int size)
    {
        var driver = new StudyDriver(SearcherFactory.Create(spec), SchedulerFactory.Create(spec), Epochs, Concurrency);
        driver.RunUntil(size, timings: null);
        var heap = FullCollection();
        GC.KeepAlive(driver);
        return heap;
    }

    private static long FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(q * values.Count) - 1)];
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

    private sealed record Arm(string Name, string Searcher, object? SearcherOptions, string Scheduler, object? SchedulerOptions);

    private sealed record Result(double[] Medians, double[] P90s, double BytesPerTrial);
}
