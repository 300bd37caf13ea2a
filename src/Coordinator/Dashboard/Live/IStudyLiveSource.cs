using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// Where the dashboard's live pages read a study: its changes as they happen, every trial's summary once, and the curves
/// (epoch histories) of the few trials a page draws, when it draws them. The Coordinator's implementation asks the
/// cluster (<see cref="OrleansStudyLiveSource"/>); tests and benchmarks feed synthetic studies.
/// </summary>
public interface IStudyLiveSource
{
    /// <summary>The study's status, or null when no study has the id.</summary>
    Task<StudySnapshot?> GetStudyAsync(string studyId);

    /// <summary>
    /// The study's changes: first its <see cref="StudySnapshot"/> (once subscribed, so nothing after it is missed), then
    /// <see cref="StudySnapshot"/>, <see cref="TrialSnapshot"/> and <see cref="TrialEpochReport"/> as they happen.
    /// Changes may repeat or arrive out of order; <see cref="StudyLiveModel"/> takes them in any order. Ends when the
    /// study has finished or <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<object> WatchAsync(string studyId, CancellationToken cancellationToken);

    /// <summary>Every trial of the study with its best objective value so far, by number.</summary>
    Task<IReadOnlyList<TrialSummary>> GetTrialsAsync(string studyId, CancellationToken cancellationToken);

    /// <summary>The full epoch histories of <paramref name="trialIds"/> (trials of the study); unknown ids are left out.</summary>
    Task<IReadOnlyList<TrialHistory>> GetHistoriesAsync(string studyId, IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken);
}
