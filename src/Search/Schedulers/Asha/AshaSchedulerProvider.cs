using System.Globalization;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Asha;

/// <summary>The <c>asha</c> scheduler kind.</summary>
public sealed class AshaSchedulerProvider : SchedulerProvider<AshaSchedulerOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "asha";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The checks shared by ASHA and Hyperband: grace period at most max_t, brackets that fit.</summary>
    internal static IEnumerable<SpecError> ValidateRungs(StudySpec spec, int gracePeriod, int reductionFactor, int? maxT, int? brackets)
    {
        var max = maxT ?? spec.Budget.MaxEpochsPerTrial;
        if (max < 1)
        {
            yield break; // the budget reports it
        }

        if (gracePeriod > max)
        {
            yield return new SpecError(
                PathOf("grace_period"),
                string.Create(CultureInfo.InvariantCulture, $"must be at most max_t ({max}{(maxT is null ? ", the budget's max_epochs_per_trial" : "")}), not {gracePeriod}"));
            yield break;
        }

        var most = SuccessiveHalvingScheduler.MaxHalvings(gracePeriod, reductionFactor, max) + 1;
        if (brackets is { } b && b > most)
        {
            yield return new SpecError(
                PathOf("brackets"),
                string.Create(CultureInfo.InvariantCulture, $"must be at most {most} for grace_period {gracePeriod}, reduction_factor {reductionFactor} and max_t {max}, not {b}"));
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<SpecError> Validate(StudySpec spec, AshaSchedulerOptions options) =>
        ValidateRungs(spec, options.GracePeriod, options.ReductionFactor, options.MaxT, options.Brackets);

    /// <inheritdoc />
    protected override ITrialScheduler Create(StudySpec spec, AshaSchedulerOptions options, TimeProvider time) => new AshaScheduler(spec, options, time);
}
