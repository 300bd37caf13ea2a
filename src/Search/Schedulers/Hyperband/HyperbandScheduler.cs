using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Hyperband;

/// <summary>
/// Asynchronous Hyperband: the brackets of Hyperband (Li et al., 2018), each run as asynchronous successive halving
/// (see <see cref="SuccessiveHalvingScheduler"/>). Bracket s starts pruning at grace_period·η^s epochs, so bracket 0
/// is the most aggressive and the last one never prunes: Hyperband's hedge against a grace period that is too short.
/// </summary>
/// <remarks>
/// <para>
/// Why asynchronous: synchronous Hyperband waits at every rung until all trials of the bracket reach it, which leaves
/// slots idle in a cluster where trials start and end at different times. Promoting as soon as a trial is in the top
/// 1/η of those seen at its rung keeps every slot busy, at the cost of sometimes promoting a trial a full rung would
/// have pruned (Li et al., 2020). There is no wall-clock cost to the hedge: brackets only change where trials are
/// judged, and the searcher keeps suggesting new trials.
/// </para>
/// <para>
/// Trials go to brackets deterministically, in proportion to Hyperband's bracket sizes n_s = ⌈(S+1)/(S−s+1)·η^(S−s)⌉
/// (S the number of halvings; 9, 5, 3 for η = 3 and S = 2), interleaved by smooth weighted round-robin so every prefix
/// of the trial sequence is spread like the whole.
/// </para>
/// </remarks>
public sealed class HyperbandScheduler : SuccessiveHalvingScheduler
{
    private readonly int[] _cycle;

    /// <summary>Creates the scheduler of a spec; a null max_t is the budget's max epochs per trial.</summary>
    public HyperbandScheduler(StudySpec spec, HyperbandSchedulerOptions? options = null, TimeProvider? time = null)
        : this(spec, options ?? new HyperbandSchedulerOptions(), options?.MaxT ?? spec.Budget.MaxEpochsPerTrial, time)
    {
    }

    private HyperbandScheduler(StudySpec spec, HyperbandSchedulerOptions options, int maxT, TimeProvider? time)
        : base(spec, options.GracePeriod, options.ReductionFactor, maxT, BracketCount(options, maxT), time)
    {
        var halvings = MaxHalvings(options.GracePeriod, options.ReductionFactor, maxT);
        Weights = [.. Enumerable.Range(0, BracketCount(options, maxT)).Select(s => Weight(halvings, options.ReductionFactor, s))];
        _cycle = SmoothWeightedRoundRobin(Weights);
    }

    /// <inheritdoc />
    public override string Kind => HyperbandSchedulerProvider.KindName;

    /// <summary>The share of trials of each bracket (Hyperband's n_s).</summary>
    public IReadOnlyList<int> Weights { get; }

    /// <inheritdoc />
    protected override int AssignBracket(int index) => _cycle[index % _cycle.Length];

    private static int BracketCount(HyperbandSchedulerOptions options, int maxT) =>
        options.Brackets ?? (MaxHalvings(options.GracePeriod, options.ReductionFactor, maxT) + 1);

    /// <summary>Hyperband's n for bracket s (s = 0 most aggressive): ⌈(S+1)/(S−s+1)·η^(S−s)⌉.</summary>
    private static int Weight(int halvings, int reductionFactor, int bracket)
    {
        var rounds = Math.Max(halvings - bracket, 0);
        return (int)Math.Min(Math.Ceiling((halvings + 1.0) / (rounds + 1) * Math.Pow(reductionFactor, rounds)), 1_000_000);
    }

    /// <summary>One cycle of smooth weighted round-robin (as in nginx): each bracket appears weight times, interleaved.</summary>
    private static int[] SmoothWeightedRoundRobin(IReadOnlyList<int> weights)
    {
        var total = weights.Sum();
        var current = new long[weights.Count];
        var cycle = new int[total];
        for (var i = 0; i < total; i++)
        {
            var best = 0;
            for (var b = 0; b < weights.Count; b++)
            {
                current[b] += weights[b];
                if (current[b] > current[best])
                {
                    best = b;
                }
            }

            current[best] -= total;
            cycle[i] = best;
        }

        return cycle;
    }
}
