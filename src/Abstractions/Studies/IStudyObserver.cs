using Orleans.Concurrency;

using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.Studies;

/// <summary>A client following a study live. Subscribe through <see cref="IStudyGrain.SubscribeAsync"/>.</summary>
public interface IStudyObserver : IGrainObserver
{
    /// <summary>A trial finished an epoch.</summary>
    [OneWay]
    Task OnTrialEpochAsync(TrialEpochReport report);

    /// <summary>A trial changed state (started, paused, resumed, finished).</summary>
    [OneWay]
    Task OnTrialChangedAsync(TrialSnapshot trial);

    /// <summary>The study changed state or its counts or best trial changed.</summary>
    [OneWay]
    Task OnStudyChangedAsync(StudySnapshot study);
}
