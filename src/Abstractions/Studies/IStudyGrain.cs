using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;
using Orleans.Concurrency;

namespace HyperTune.Abstractions.Studies;

/// <summary>
/// A study, as its clients see it: start it, steer it, ask how it goes and follow it live. The study asks its searcher
/// for configurations, starts trials as training slots free up, applies its scheduler's decisions, recovers lost trials
/// and ends when the budget is spent. Keyed by the study id. What trials report to it is <see cref="IStudyReportGrain"/>.
/// </summary>
/// <remarks>Queries interleave with commands, so a study answers them while a command waits on a slow or dying silo.</remarks>
public interface IStudyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the spec and starts the study; every problem of the spec is returned at once. Answers as soon as the
    /// study is stored: its trials start right after, at the pace slots allow.
    /// </summary>
    Task<StudyStartResult> StartAsync(string specJson);

    /// <summary>Pauses every running trial and starts no new ones.</summary>
    Task<CommandResult> PauseAsync();

    /// <summary>Resumes paused trials and starting new ones.</summary>
    Task<CommandResult> ResumeAsync();

    /// <summary>Stops every running trial and starts no more.</summary>
    Task<CommandResult> StopAsync(string? reason = null);

    /// <summary>
    /// Forks one of the study's trials: a new trial of the study continues from the source's checkpoint (the latest, or
    /// the one of <see cref="TrialForkRequest.Epoch"/>) with the given hyperparameters changed; the source trains on.
    /// The fork counts against the study's budget of trials (refused when it is spent) and takes the next place the
    /// study's concurrency allows. Refused: an unknown trial, a change of the model's shape, an epoch without a
    /// checkpoint, a study that is not running.
    /// </summary>
    Task<TrialForkResult> ForkTrialAsync(TrialForkRequest request);

    /// <summary>The trials forked from <paramref name="trialId"/>, by number (the study keeps an index: cheap at any size).</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<string>> GetForksAsync(string trialId);

    /// <summary>The study's status, or null when no study has this id.</summary>
    [AlwaysInterleave]
    Task<StudySnapshot?> GetStatusAsync();

    /// <summary>A window of the study's trials (filtered by state, sorted); cheap at any study size.</summary>
    [AlwaysInterleave]
    Task<TrialPage> GetTrialPageAsync(TrialPageQuery query);

    /// <summary>
    /// Every trial's latest status, by number. The answer grows with the study: prefer
    /// <see cref="GetTrialPageAsync"/> for anything that may be large.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<TrialSnapshot>> GetTrialsAsync();

    /// <summary>The best trial so far, or null.</summary>
    [AlwaysInterleave]
    Task<BestTrial?> GetBestTrialAsync();

    /// <summary>Every trial's full metric history (asks every trial: for small studies and exports).</summary>
    Task<StudyHistory> GetHistoryAsync();

    /// <summary>Sends every later report and state change to <paramref name="observer"/> (renew within the expiry).</summary>
    [AlwaysInterleave]
    Task SubscribeAsync(IStudyObserver observer);

    /// <summary>Stops sending to <paramref name="observer"/>.</summary>
    [AlwaysInterleave]
    Task UnsubscribeAsync(IStudyObserver observer);
}
