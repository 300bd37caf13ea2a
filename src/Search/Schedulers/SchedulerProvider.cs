using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// The usual shape of an <see cref="ISchedulerProvider"/>: binds <c>$.scheduler</c> options to
/// <typeparamref name="TOptions"/>, then lets the scheduler check the rest of the spec and create itself.
/// </summary>
/// <typeparam name="TOptions">The scheduler's options class: settable properties with documented defaults and data annotations.</typeparam>
public abstract class SchedulerProvider<TOptions> : ISchedulerProvider
    where TOptions : class, new()
{
    /// <summary>The path of scheduler options in a spec.</summary>
    protected const string OptionsPath = "$.scheduler";

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public IEnumerable<SpecError> Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<SpecError>();
        var options = spec.Scheduler.Options.Bind<TOptions>(OptionsPath, errors);
        if (options is not null)
        {
            errors.AddRange(Validate(spec, options));
        }

        return errors;
    }

    /// <inheritdoc />
    public ITrialScheduler Create(StudySpec spec, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<SpecError>();
        var options = spec.Scheduler.Options.Bind<TOptions>(OptionsPath, errors);
        if (options is not null)
        {
            errors.AddRange(Validate(spec, options));
        }

        return errors.Count > 0 ? throw new StudySpecException(errors) : Create(spec, options!, time ?? TimeProvider.System);
    }

    /// <summary>The scheduler's requirements on the rest of the spec; none by default.</summary>
    protected virtual IEnumerable<SpecError> Validate(StudySpec spec, TOptions options) => [];

    /// <summary>Creates the scheduler from a spec and its bound, valid options.</summary>
    protected abstract ITrialScheduler Create(StudySpec spec, TOptions options, TimeProvider time);

    /// <summary>The path of an option, e.g. <c>$.scheduler.grace_period</c>.</summary>
    protected static string PathOf(string option) => JsonPaths.Property(OptionsPath, option);
}
