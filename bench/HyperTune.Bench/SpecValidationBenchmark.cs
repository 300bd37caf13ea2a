using System.Diagnostics;
using System.Globalization;
using System.Text;
using HyperTune.Search.Specs;

namespace HyperTune.Bench;

/// <summary>
/// How spec validation scales with hostile input: a study spec with N unknown top-level keys (the shape of the
/// 40,000-key request that once took 12.8 s), then one with N unknown hyperparameters in its search space, parsed and
/// validated by <see cref="StudySpecParser"/>, for N in <c>--sizes</c> (default 1,000, 10,000 and 100,000). It prints
/// the median time of <c>--rounds</c> parses, the process CPU time per parse (which other processes on a shared machine
/// do not inflate), the problems reported and the size of their text, and the CPU time ratio of each size to the one
/// before: about the size ratio when validation is linear, about its square when it is quadratic.
/// </summary>
internal static class SpecValidationBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = Sizes(args);
        var rounds = BenchArguments.Int(args, "rounds", 5);
        foreach (var searchSpace in new[] { false, true })
        {
            Console.WriteLine(searchSpace ? "unknown hyperparameters in search_space:" : "unknown top-level keys:");
            Measure(sizes, rounds, searchSpace);
        }

        return 0;
    }

    private static void Measure(int[] sizes, int rounds, bool searchSpace)
    {
        Console.WriteLine("unknown keys | body KiB | median ms | CPU ms | problems | problem text KiB | CPU ratio to previous size");
        double? previous = null;
        int? previousSize = null;
        foreach (var size in sizes)
        {
            var json = Spec(size, searchSpace);
            StudySpecParser.Parse(json); // warm-up
            var times = new List<double>();
            StudySpecParseResult? result = null;
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            for (var i = 0; i < rounds; i++)
            {
                var started = Stopwatch.GetTimestamp();
                result = StudySpecParser.Parse(json);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
            times.Sort();
            var median = times[times.Count / 2];
            var text = result!.Errors.Sum(e => e.Path.Length + e.Message.Length);
            var ratio = previous is { } p && previousSize is { } ps
                ? string.Create(CultureInfo.InvariantCulture, $"{cpu / p:F1}× for {size / (double)ps:F1}× the keys")
                : "-";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{size,12:N0} | {Encoding.UTF8.GetByteCount(json) / 1024.0,8:F0} | {median,9:F1} | {cpu,6:F1} | {result.Errors.Count,8:N0} | {text / 1024.0,16:F1} | {ratio}"));
            (previous, previousSize) = (cpu, size);
        }
    }

    private static int[] Sizes(string[] args)
    {
        var index = Array.IndexOf(args, "--sizes");
        return index >= 0 && index + 1 < args.Length
            ? [.. args[index + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : [1_000, 10_000, 100_000];
    }

    /// <summary>
    /// A valid small spec plus <paramref name="unknownKeys"/> keys no spec has, each with a small value: at the top, or
    /// as hyperparameters of the search space.
    /// </summary>
    private static string Spec(int unknownKeys, bool searchSpace)
    {
        var json = new StringBuilder("""{ "name": "bench", "dataset": {"kind": "digits"}""");
        json.Append(searchSpace ? ", \"search_space\": { \"learning_rate\": 0.01" : string.Empty);
        for (var i = 0; i < unknownKeys; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $", \"k{i}\": 1");
        }

        return json.Append(searchSpace ? "}}" : "}").ToString();
    }
}
