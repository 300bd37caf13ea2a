using System.Globalization;

namespace HyperTune.Bench;

/// <summary>Reads <c>--name value</c> pairs of a benchmark's command line.</summary>
internal static class BenchArguments
{
    public static int Int(string[] args, string name, int fallback) =>
        String(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of whole numbers, e.g. <c>--sizes 1000,10000</c>.</summary>
    public static int[] Ints(string[] args, string name, int[] fallback) =>
        String(args, name) is { } text ? [.. text.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] : fallback;

    public static string? String(string[] args, string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, "--" + name) >= 0;
}
