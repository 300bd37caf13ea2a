using System.Collections.Immutable;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Trials;
using Orleans.Concurrency;

namespace HyperTune.Abstractions.Studies;

/// <summary>
/// What a study hears from the grains that work for it: its trials' epochs, checkpoints, state changes and ends, and
/// its learning-rate range test's end. Keyed by the study id, like <see cref="IStudyGrain"/> (one grain serves both);
/// clients never call it.
/// </summary>
/// <remarks>
/// Every report interleaves with the study's other work: a trial reporting never waits on a study that is itself
/// waiting on the trial, and a study starting trials hears the ends of others as they happen. The reports a trial
/// awaits (epochs, rewinds, checkpoints) arrive in the order it sent them.
/// </remarks>
public interface IStudyReportGrain : IGrainWithStringKey
{
    /// <summary>
    /// A trial's finished epochs, oldest first (one call for all the epochs a trial has ready, so a fast trial costs
    /// one message per batch). The trial awaits it, so its epochs arrive in order.
    /// </summary>
    [AlwaysInterleave]
    Task ReportEpochsAsync(ImmutableArray<TrialEpochReport> reports);

    /// <summary>
    /// A trial went back to a checkpoint (a recovery or population-based training): its epochs after
    /// <see cref="TrialSnapshot.Epoch"/> will be trained again. Awaited by the trial, so it arrives before those epochs.
    /// </summary>
    [AlwaysInterleave]
    Task ReportTrialRewoundAsync(TrialSnapshot trial);

    /// <summary>A trial's state change (it got its slot, was paused or resumed).</summary>
    [AlwaysInterleave, OneWay]
    Task ReportTrialChangedAsync(TrialSnapshot trial);

    /// <summary>A trial finished.</summary>
    [AlwaysInterleave, OneWay]
    Task ReportTrialEndedAsync(TrialEnded ended);

    /// <summary>
    /// A trial stored a checkpoint (population-based training clones only stored checkpoints). Awaited by the trial,
    /// so its checkpoints arrive in order.
    /// </summary>
    [AlwaysInterleave]
    Task ReportCheckpointAsync(string trialId, int epoch);

    /// <summary>
    /// The study's learning-rate range test (its first step) ended: on completion the search starts, with the learning
    /// rate's bounds from the test when the spec asks; on failure the study fails with the test's error.
    /// </summary>
    [AlwaysInterleave, OneWay]
    Task ReportRangeTestEndedAsync(LearningRateRangeTestStatus status);
}
