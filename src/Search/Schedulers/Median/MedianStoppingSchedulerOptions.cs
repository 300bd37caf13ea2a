using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Schedulers.Median;

/// <summary>Options of the <c>median</c> scheduler (<c>"scheduler": {"kind": "median", "grace_period": 3}</c>).</summary>
public sealed class MedianStoppingSchedulerOptions
{
    /// <summary>Epochs every trial runs before it may be pruned. Default 3; at least 1.</summary>
    [Range(1, 1_000_000)]
    public int GracePeriod { get; init; } = 3;

    /// <summary>
    /// How many other trials must have reported the same epoch before the median is trusted. Default 3; at least 1.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MinSamples { get; init; } = 3;

    /// <summary>
    /// Compare the trial's running average (mean of its results so far) instead of its best result so far. Default
    /// false (best so far, as in Ray Tune's median stopping rule: more forgiving of noisy curves).
    /// </summary>
    public bool UseRunningAverage { get; init; }
}
