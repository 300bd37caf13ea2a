using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Plateau;

/// <summary>The <c>plateau</c> scheduler kind.</summary>
public sealed class PlateauSchedulerProvider : SchedulerProvider<PlateauSchedulerOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "plateau";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override ITrialScheduler Create(StudySpec spec, PlateauSchedulerOptions options, TimeProvider time) => new PlateauScheduler(spec, options, time);
}
