using HyperTune.Abstractions.Studies;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Where the dashboard's live pages read a study: its history once, then its changes as they happen. The Coordinator's
/// implementation asks the cluster (<see cref="OrleansStudyLiveSource"/>); tests and benchmarks feed synthetic studies.
/// </summary>
public interface IStudyLiveSource
{
    /// <summary>The study's status, or null when no study has the id.</summary>
    Task<StudySnapshot?> GetStudyAsync(string studyId);

    /// <summary>
    /// The study's changes: <see cref="StudySnapshot"/>, <see cref="Abstractions.Trials.TrialSnapshot"/>,
    /// <see cref="Abstractions.Trials.TrialEpochReport"/> and, once subscribed, one <see cref="StudyHistory"/> with every
    /// epoch so far. Changes may repeat or arrive out of order; <see cref="StudyLiveModel"/> takes them in any order.
    /// Ends when the study has finished or <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<object> WatchAsync(string studyId, CancellationToken cancellationToken);
}
