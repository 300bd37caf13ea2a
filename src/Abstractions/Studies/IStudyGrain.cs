using Orleans.Concurrency;

using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.Studies;

/// <summary>
/// The coordinator of one study: it asks the searcher for configurations, starts trials as training slots free up,
/// hears their reports, tracks the best trial and ends when the budget is spent. Keyed by the study id.
/// </summary>
/// <remarks>Queries interleave with commands, so a study answers them while a command waits on a slow or dying silo.</remarks>
public interface IStudyGrain : IGrainWithStringKey
{
    /// <summary>Validates the spec and starts the study; every problem of the spec is returned at once.</summary>
    Task<StudyStartResult> StartAsync(string specJson);

    /// <summary>Pauses every running trial and starts no new ones.</summary>
    Task<CommandResult> PauseAsync();

    /// <summary>Resumes paused trials and starting new ones.</summary>
    Task<CommandResult> ResumeAsync();

    /// <summary>Stops every running trial and starts no more.</summary>
    Task<CommandResult> StopAsync(string? reason = null);

    /// <summary>The study's status, or null when no study has this id.</summary>
    [AlwaysInterleave]
    Task<StudySnapshot?> GetStatusAsync();

    /// <summary>Every trial's latest status, by number.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<TrialSnapshot>> GetTrialsAsync();

    /// <summary>The best trial so far, or null.</summary>
    [AlwaysInterleave]
    Task<BestTrial?> GetBestTrialAsync();

    /// <summary>Every trial's full metric history.</summary>
    Task<StudyHistory> GetHistoryAsync();

    /// <summary>Sends every later report and state change to <paramref name="observer"/> (renew within the expiry).</summary>
    Task SubscribeAsync(IStudyObserver observer);

    /// <summary>Stops sending to <paramref name="observer"/>.</summary>
    Task UnsubscribeAsync(IStudyObserver observer);

    /// <summary>
    /// A trial's epoch report (called by trial grains). The trial awaits it, so a trial's epochs arrive in order (one-way
    /// messages may be handled out of order); it interleaves with the study's other turns, so a trial reporting never
    /// waits on a study that is itself waiting on the trial.
    /// </summary>
    [AlwaysInterleave]
    Task ReportEpochAsync(TrialEpochReport report);

    /// <summary>
    /// A trial went back to a checkpoint (a recovery or population-based training): its epochs after
    /// <see cref="TrialSnapshot.Epoch"/> will be trained again. Awaited and interleaved like <see cref="ReportEpochAsync"/>,
    /// so it arrives before the epochs trained again.
    /// </summary>
    [AlwaysInterleave]
    Task ReportTrialRewoundAsync(TrialSnapshot trial);

    /// <summary>A trial's state change (called by trial grains).</summary>
    [OneWay]
    Task ReportTrialChangedAsync(TrialSnapshot trial);

    /// <summary>A trial finished (called by trial grains).</summary>
    [OneWay]
    Task ReportTrialEndedAsync(TrialEnded ended);

    /// <summary>
    /// A trial stored a checkpoint (called by the trial; population-based training clones only stored checkpoints).
    /// Awaited and interleaved like <see cref="ReportEpochAsync"/>, so a trial's checkpoints arrive in order.
    /// </summary>
    [AlwaysInterleave]
    Task ReportCheckpointAsync(string trialId, int epoch);

    /// <summary>
    /// The study's learning-rate range test (its first step) ended: on completion the search starts, with the learning
    /// rate's bounds from the test when the spec asks; on failure the study fails with the test's error.
    /// </summary>
    Task ReportRangeTestEndedAsync(RangeTests.LearningRateRangeTestStatus status);
}
