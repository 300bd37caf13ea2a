using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Median;

/// <summary>The <c>median</c> scheduler kind.</summary>
public sealed class MedianStoppingSchedulerProvider : SchedulerProvider<MedianStoppingSchedulerOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "median";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override ITrialScheduler Create(StudySpec spec, MedianStoppingSchedulerOptions options, TimeProvider time) =>
        new MedianStoppingScheduler(spec, options, time);
}
