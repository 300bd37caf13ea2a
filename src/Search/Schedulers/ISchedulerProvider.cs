using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>One scheduler kind: validates its part of a spec and creates the scheduler. Register in an <see cref="AlgorithmRegistry"/>.</summary>
public interface ISchedulerProvider : IAlgorithmProvider
{
    /// <summary>Creates the scheduler of a spec whose scheduler kind is <see cref="IAlgorithmProvider.Kind"/>.</summary>
    /// <param name="spec">The study spec.</param>
    /// <param name="time">The clock of timestamps the scheduler records (PBT lineage); default the system clock.</param>
    /// <exception cref="StudySpecException">The spec is invalid for this scheduler.</exception>
    ITrialScheduler Create(StudySpec spec, TimeProvider? time = null);
}
