using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>Creates the trial scheduler a spec names, looking its kind up in an <see cref="AlgorithmRegistry"/>.</summary>
public static class SchedulerFactory
{
    /// <summary>Creates the scheduler of <paramref name="spec"/> from the built-in kinds.</summary>
    /// <exception cref="StudySpecException">The kind is unknown, or the spec is invalid for the scheduler.</exception>
    public static ITrialScheduler Create(StudySpec spec, TimeProvider? time = null) => Create(spec, AlgorithmRegistry.Default, time);

    /// <summary>Creates the scheduler of <paramref name="spec"/> from the kinds of <paramref name="registry"/>.</summary>
    /// <exception cref="StudySpecException">The kind is unknown, or the spec is invalid for the scheduler.</exception>
    public static ITrialScheduler Create(StudySpec spec, AlgorithmRegistry registry, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.CreateScheduler(spec, time);
    }
}
