using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Schedulers.Asha;

/// <summary>
/// Options of the <c>asha</c> scheduler (<c>"scheduler": {"kind": "asha", "grace_period": 1, "reduction_factor": 3}</c>).
/// </summary>
public sealed class AshaSchedulerOptions
{
    /// <summary>The first rung: epochs every trial runs before it can be pruned. Default 1; at least 1; at most <see cref="MaxT"/>.</summary>
    [Range(1, 1_000_000)]
    public int GracePeriod { get; init; } = 1;

    /// <summary>
    /// η: rungs are η times apart (grace_period·η^k epochs) and the top 1/η of the trials at a rung go on. Default 3;
    /// at least 2.
    /// </summary>
    [Range(2, 1000)]
    public int ReductionFactor { get; init; } = 3;

    /// <summary>The most epochs of a trial; rungs lie below it. Default null: the budget's <c>max_epochs_per_trial</c>.</summary>
    [Range(1, 1_000_000)]
    public int? MaxT { get; init; }

    /// <summary>
    /// Brackets: bracket s starts its rungs at grace_period·η^s; trials go to brackets in turn (round-robin). Default 1
    /// (plain ASHA); at most ⌊log_η(max_t / grace_period)⌋ + 1.
    /// </summary>
    [Range(1, 64)]
    public int Brackets { get; init; } = 1;
}
