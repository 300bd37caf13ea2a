using System.Globalization;

namespace HyperTune.Bench;

/// <summary>The time of each write of a run, in microseconds, and the run's wall time.</summary>
internal sealed record TimedWrites(double[] Micros, TimeSpan Wall)
{
    /// <summary>Writes per second over the whole run.</summary>
    public double PerSecond => Micros.Length / Wall.TotalSeconds;

    /// <summary>Mean and median microseconds of <paramref name="count"/> writes from write <paramref name="from"/>.</summary>
    public (double Mean, double Median) Window(int from, int count)
    {
        var window = Micros.AsSpan(from, Math.Min(count, Micros.Length - from)).ToArray();
        Array.Sort(window);
        return (window.Average(), window[window.Length / 2]);
    }

    /// <summary>A window as "mean µs (median µs)".</summary>
    public string Describe(int from, int count)
    {
        var (mean, median) = Window(from, count);
        return string.Create(CultureInfo.InvariantCulture, $"{mean,7:F0} µs ({median:F0})");
    }
}
