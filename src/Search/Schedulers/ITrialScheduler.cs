using HyperTune.Search.Algorithms;
using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// Decides whether running trials continue (after Ray Tune's <c>TrialScheduler</c>): the study grain owns one, tells it
/// about every trial, result, checkpoint and end, and applies the <see cref="SchedulerDecision"/> it returns. A
/// scheduler never calls the grains itself. Schedulers are deterministic given the spec (seed included) and their
/// <see cref="TimeProvider"/>, single-threaded (one grain turn at a time), and their state round-trips through
/// <see cref="IPartitionedState"/>: in parts (a small shared part and one part per trial) or whole.
/// </summary>
/// <remarks>
/// Call order per trial: <see cref="OnTrialAdded"/> once when the trial starts; <see cref="OnTrialResult"/> after every
/// epoch (apply the decision before the next epoch); <see cref="OnCheckpoint"/> whenever a checkpoint of the trial is
/// stored; <see cref="OnTrialComplete"/> once at the end (also after a prune). Unknown trial ids are ignored (results
/// of unknown trials get <see cref="SchedulerDecision.Continue"/>). After each call, persist the shared part and the parts
/// of <see cref="IPartitionedState.TakeChangedTrials"/> (or the whole <see cref="IPartitionedState.SaveState"/>).
/// </remarks>
public interface ITrialScheduler : IPartitionedState
{
    /// <summary>The scheduler kind, as in the spec.</summary>
    string Kind { get; }

    /// <summary>
    /// The most epochs a trial trains under this scheduler (ASHA's and Hyperband's <c>max_t</c>): a study starts its
    /// trials with at most this many epochs, so they complete there. Null: the budget alone decides.
    /// </summary>
    int? MaxEpochs { get; }

    /// <summary>A trial started with <paramref name="config"/>. Adding a known id again changes nothing.</summary>
    void OnTrialAdded(string trialId, TrialConfig config);

    /// <summary>
    /// The metrics of epoch <paramref name="epoch"/> (1-based) of a running trial, and what to do with the trial now.
    /// The objective metric missing or NaN counts as the worst possible value. A trial that was pruned keeps getting the
    /// same <see cref="PruneDecision"/>.
    /// </summary>
    SchedulerDecision OnTrialResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics);

    /// <summary>A checkpoint of the trial at <paramref name="epoch"/> exists (and is the one to restore from now on).</summary>
    void OnCheckpoint(string trialId, int epoch);

    /// <summary>The trial ended: completed, stopped or pruned (<paramref name="failed"/> false), or failed.</summary>
    void OnTrialComplete(string trialId, bool failed);
}
