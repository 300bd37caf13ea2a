using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>The <c>none</c> scheduler: every trial runs to its last epoch; every decision is <see cref="SchedulerDecision.Continue"/>.</summary>
public sealed class NoScheduler : TrialSchedulerBase
{
    /// <summary>Creates the scheduler of a spec.</summary>
    public NoScheduler(StudySpec spec, TimeProvider? time = null)
        : base(spec, time)
    {
    }

    /// <inheritdoc />
    public override string Kind => NoSchedulerProvider.KindName;

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score) => SchedulerDecision.Continue;
}
