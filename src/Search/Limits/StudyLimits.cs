using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Limits;

/// <summary>
/// What a cluster lets one study spend, checked before a spec is accepted (<see cref="StudySpecLimitsValidator"/>) and
/// again when a trial starts (its memory). Bound on the silos from the <c>HyperTune:Limits</c> configuration section;
/// every default is documented and suits the 2-core, 24 GiB development machine.
/// </summary>
public sealed record StudyLimits
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Limits";

    /// <summary>The most trainable parameters (weights and biases) of one model. Default 100,000,000.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxParameters { get; set; } = 100_000_000;

    /// <summary>
    /// The most memory one trial may need to train, by <see cref="TrainingMemoryEstimator"/>. Default 0: half of the
    /// machine's memory shared out over the silo's training slots (6 GiB on a 24 GiB machine with 2 slots); see
    /// <see cref="WithAutomaticMemory"/>.
    /// </summary>
    [Range(0L, long.MaxValue)]
    public long MaxTrainingMemoryBytes { get; set; }

    /// <summary>The most trials of one study (<c>budget.max_trials</c>). Default 1,000,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTrials { get; set; } = 1_000_000;

    /// <summary>The most epochs of one trial (<c>budget.max_epochs_per_trial</c>). Default 100,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxEpochsPerTrial { get; set; } = 100_000;

    /// <summary>The largest batch size the search space may produce. Default 65,536.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchSize { get; set; } = 65_536;

    /// <summary>The most hyperparameters in a search space. Default 64 (the engine has 32).</summary>
    [Range(1, int.MaxValue)]
    public int MaxSearchSpaceParameters { get; set; } = 64;

    /// <summary>The most values of one <c>choice</c> domain. Default 10,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxChoiceValues { get; set; } = 10_000;

    /// <summary>
    /// The most bytes read from one dataset file (after decompression, for <c>.gz</c> files). Default 1 GiB.
    /// </summary>
    [Range(1L, long.MaxValue)]
    public long MaxDatasetBytes { get; set; } = 1L << 30;

    /// <summary>The share of the machine's memory trials may use together when <see cref="MaxTrainingMemoryBytes"/> is 0: one half.</summary>
    public const double AutomaticMemoryShare = 0.5;

    /// <summary>
    /// These limits with <see cref="MaxTrainingMemoryBytes"/> worked out when it is 0: <see cref="AutomaticMemoryShare"/>
    /// of <paramref name="machineMemoryBytes"/> divided by <paramref name="slots"/>.
    /// </summary>
    public StudyLimits WithAutomaticMemory(long machineMemoryBytes, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(machineMemoryBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        return MaxTrainingMemoryBytes > 0
            ? this
            : this with { MaxTrainingMemoryBytes = Math.Max(1, (long)(machineMemoryBytes * AutomaticMemoryShare / slots)) };
    }
}
