using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Asha;

/// <summary>
/// ASHA, asynchronous successive halving (see <see cref="SuccessiveHalvingScheduler"/>). With several brackets, trials
/// go to them in turn: trial number i (in the order added) to bracket i mod brackets.
/// </summary>
public sealed class AshaScheduler : SuccessiveHalvingScheduler
{
    private readonly int _brackets;

    /// <summary>Creates the scheduler of a spec; a null max_t is the budget's max epochs per trial.</summary>
    public AshaScheduler(StudySpec spec, AshaSchedulerOptions? options = null, TimeProvider? time = null)
        : base(
            spec,
            (options ??= new AshaSchedulerOptions()).GracePeriod,
            options.ReductionFactor,
            options.MaxT ?? spec.Budget.MaxEpochsPerTrial,
            options.Brackets,
            time)
    {
        _brackets = options.Brackets;
    }

    /// <inheritdoc />
    public override string Kind => AshaSchedulerProvider.KindName;

    /// <inheritdoc />
    protected override int AssignBracket(int index) => index % _brackets;
}
