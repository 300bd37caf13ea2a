using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// The usual shape of an <see cref="ISchedulerProvider"/>: binds <c>$.scheduler</c> options to
/// <typeparamref name="TOptions"/>, then lets the scheduler check the rest of the spec and create itself.
/// </summary>
/// <typeparam name="TOptions">The scheduler's options class: settable properties with documented defaults and data annotations.</typeparam>
public abstract class SchedulerProvider<TOptions> : AlgorithmProvider<TOptions>, ISchedulerProvider
    where TOptions : class, new()
{
    /// <summary>The path of scheduler options in a spec.</summary>
    protected const string OptionsPath = "$.scheduler";

    /// <summary>Creates the provider.</summary>
    protected SchedulerProvider()
        : base(AlgorithmSection.Scheduler)
    {
    }

    /// <inheritdoc />
    public ITrialScheduler Create(StudySpec spec, TimeProvider? time = null) =>
        Create(spec, ValidOptions(spec, []), time ?? TimeProvider.System);

    /// <summary>Creates the scheduler from a spec and its bound, valid options.</summary>
    protected abstract ITrialScheduler Create(StudySpec spec, TOptions options, TimeProvider time);

    /// <summary>The path of an option, e.g. <c>$.scheduler.grace_period</c>.</summary>
    protected static string PathOf(string option) => JsonPaths.Property(OptionsPath, option);
}
