using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Schedulers.Hyperband;

/// <summary>
/// Options of the <c>hyperband</c> scheduler (<c>"scheduler": {"kind": "hyperband", "reduction_factor": 3}</c>).
/// </summary>
public sealed class HyperbandSchedulerOptions
{
    /// <summary>The first rung of the most aggressive bracket, in epochs. Default 1; at least 1; at most <see cref="MaxT"/>.</summary>
    [Range(1, 1_000_000)]
    public int GracePeriod { get; init; } = 1;

    /// <summary>η: rungs are η times apart and the top 1/η go on. Default 3; at least 2.</summary>
    [Range(2, 1000)]
    public int ReductionFactor { get; init; } = 3;

    /// <summary>The most epochs of a trial. Default null: the budget's <c>max_epochs_per_trial</c>.</summary>
    [Range(1, 1_000_000)]
    public int? MaxT { get; init; }

    /// <summary>
    /// How many brackets, from the most aggressive (first rung at grace_period) on. Default null: all of them,
    /// ⌊log_η(max_t / grace_period)⌋ + 1, the last of which never prunes.
    /// </summary>
    [Range(1, 64)]
    public int? Brackets { get; init; }
}
