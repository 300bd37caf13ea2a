using System.Globalization;

namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>The count, minimum, median and maximum of some durations.</summary>
public sealed record Distribution(int Count, TimeSpan Min, TimeSpan Median, TimeSpan Max)
{
    /// <summary>The distribution of <paramref name="values"/> (all zero when there are none).</summary>
    public static Distribution Of(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Distribution(sorted.Length, sorted[0], median, sorted[^1]);
    }

    /// <inheritdoc />
    public override string ToString() => Count == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count}, min {Min.TotalSeconds:F1} s, median {Median.TotalSeconds:F1} s, max {Max.TotalSeconds:F1} s");
}
