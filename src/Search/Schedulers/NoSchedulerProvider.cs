using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>The <c>none</c> scheduler: every trial runs to its last epoch. It takes no options.</summary>
public sealed class NoSchedulerProvider : ISchedulerProvider
{
    /// <summary>The kind name.</summary>
    public const string KindName = "none";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IEnumerable<SpecError> Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Scheduler.Options.Keys.Select(name => new SpecError(
            JsonPaths.Property("$.scheduler", name), "is not an option; the none scheduler takes none"));
    }

    /// <inheritdoc />
    public ITrialScheduler Create(StudySpec spec, TimeProvider? time = null)
    {
        var errors = Validate(spec).ToList();
        return errors.Count > 0 ? throw new StudySpecException(errors) : new NoScheduler(spec, time);
    }
}
