using HyperTune.Search.Schedulers.Asha;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Hyperband;

/// <summary>The <c>hyperband</c> scheduler kind (asynchronous Hyperband).</summary>
public sealed class HyperbandSchedulerProvider : SchedulerProvider<HyperbandSchedulerOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "hyperband";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override IEnumerable<SpecError> Validate(StudySpec spec, HyperbandSchedulerOptions options) =>
        AshaSchedulerProvider.ValidateRungs(spec, options.GracePeriod, options.ReductionFactor, options.MaxT, options.Brackets);

    /// <inheritdoc />
    protected override ITrialScheduler Create(StudySpec spec, HyperbandSchedulerOptions options, TimeProvider time) =>
        new HyperbandScheduler(spec, options, time);
}
