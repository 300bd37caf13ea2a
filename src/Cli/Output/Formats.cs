using System.Globalization;
using System.Text.Json;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>How values read on screen: culture-invariant, short, "-" for a value that is not there.</summary>
internal static class Formats
{
    public const string None = "-";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A metric or learning rate: four significant digits, exponent form below 0.001 and from 10,000 up.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return None;
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var magnitude = Math.Abs(value);
        var text = value.ToString("G4", Invariant);
        return magnitude is > 0 and < 1e-3 || text.Contains('E', StringComparison.Ordinal)
            ? value.ToString("0.###e0", Invariant)
            : text;
    }

    /// <summary>A learning rate in a fixed-width exponent form, e.g. <c>1.2e-04</c>; "-" when it is not a number.</summary>
    public static string LearningRate(double value) =>
        double.IsFinite(value) ? value.ToString("0.0e+00", Invariant) : Number(value);

    /// <summary>A metric of a map, or "-" when it is missing.</summary>
    public static string Metric(IReadOnlyDictionary<string, double> metrics, string name) =>
        metrics.TryGetValue(name, out var value) ? Number(value) : None;

    /// <summary>A config value as its JSON (numbers shortened, strings bare).</summary>
    public static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.TryGetDouble(out var number) ? Number(number) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => None,
        _ => value.GetRawText(),
    };

    /// <summary>A config as <c>name=value</c> pairs in name order.</summary>
    public static string Config(IReadOnlyDictionary<string, JsonElement> config) =>
        config.Count == 0
            ? None
            : string.Join(", ", config.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Value(p.Value)}"));

    /// <summary>Metrics as <c>name=value</c> pairs in name order.</summary>
    public static string Metrics(IReadOnlyDictionary<string, double> metrics) =>
        metrics.Count == 0
            ? None
            : string.Join(", ", metrics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Number(p.Value)}"));

    /// <summary>A point in time, UTC, to the second.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant) : None;

    /// <summary>A duration in seconds, as 12.3s, 4m05s or 1h02m.</summary>
    public static string Seconds(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return None;
        }

        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalMinutes < 1 ? seconds.ToString("0.0", Invariant) + "s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s"
            : $"{(int)span.TotalHours}h{span.Minutes:00}m";
    }

    /// <summary>A size in bytes, as 512 B, 1.5 KB, 2.3 MB.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Invariant) + " KB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", Invariant) + " MB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", Invariant) + " GB",
    };

    /// <summary>Epochs done of the maximum, e.g. 3/30.</summary>
    public static string Epochs(Trial trial) => trial.MaxEpochs > 0 ? $"{trial.Epoch}/{trial.MaxEpochs}" : $"{trial.Epoch}";

    /// <summary>A study's best, e.g. <c>val_accuracy=0.9812 (trial s-0007, epoch 28)</c>.</summary>
    public static string Best(Study study) =>
        study.Best is { } best
            ? $"{study.ObjectiveMetric}={Number(best.Value)} (trial {best.TrialId}, epoch {best.Epoch})"
            : None;

    /// <summary>Per-state trial counts in life order, e.g. <c>Running 2, Completed 5</c>.</summary>
    public static string Counts(IReadOnlyDictionary<string, int> counts)
    {
        var known = TrialStates.All.Where(s => counts.TryGetValue(s, out var n) && n > 0).Select(s => $"{s} {counts[s]}");
        var other = counts.Where(p => !TrialStates.IsKnown(p.Key) && p.Value > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} {p.Value}");
        var all = known.Concat(other).ToList();
        return all.Count == 0 ? "none" : string.Join(", ", all);
    }

    /// <summary>
    /// What the trials not finished are doing, e.g. <c>3 running · 1 waiting</c>: running (training), paused, and waiting
    /// (Pending: for a slot, never counted as running); zeros left out, <see cref="None"/> when nothing is going on.
    /// </summary>
    public static string Activity(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int Of(string state) => counts.TryGetValue(state, out var n) ? n : 0;
        var parts = new[] { (Of("Running"), "running"), (Of("Paused"), "paused"), (Of("Pending"), "waiting") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}").ToList();
        return parts.Count == 0 ? None : string.Join(" · ", parts);
    }

    /// <summary>Counts per state of <paramref name="states"/>, one per trial, as the study's counts are keyed.</summary>
    public static IReadOnlyDictionary<string, int> CountsOf(IEnumerable<string> states) =>
        states.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A reason in parentheses after a space, or nothing.</summary>
    public static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})";
}
