using HyperTune.Search.Algorithms;

namespace HyperTune.Search.Specs;

/// <summary>
/// Which trial scheduler (early stopping, population-based training) a study uses and its options. JSON like the
/// searcher's, options beside the kind: <c>"scheduler": {"kind": "asha", "grace_period": 2, "reduction_factor": 3}</c>.
/// Built in: <c>none</c>, <c>median</c>, <c>asha</c>, <c>hyperband</c>, <c>pbt</c>, <c>plateau</c>; create one with
/// <see cref="Schedulers.SchedulerFactory"/>.
/// </summary>
/// <param name="Kind">The scheduler kind.</param>
/// <param name="Options">The options besides <c>kind</c>; each scheduler binds and validates its own.</param>
public sealed record SchedulerSpec(string Kind, AlgorithmOptions Options)
{
    /// <summary>A scheduler with no options.</summary>
    public SchedulerSpec(string kind)
        : this(kind, AlgorithmOptions.Empty)
    {
    }

    /// <summary>The default: no scheduler, every trial runs to its last epoch.</summary>
    public static SchedulerSpec None { get; } = new(Schedulers.NoSchedulerProvider.KindName);
}
