using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>The <c>none</c> scheduler: every trial runs to its last epoch. It takes no options.</summary>
public sealed class NoSchedulerProvider : SchedulerProvider<NoSchedulerOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "none";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override ITrialScheduler Create(StudySpec spec, NoSchedulerOptions options, TimeProvider time) => new NoScheduler(spec, time);
}
