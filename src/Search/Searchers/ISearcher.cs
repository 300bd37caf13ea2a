using HyperTune.Search.Algorithms;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers;

/// <summary>
/// Decides which config a study tries next (after Ray Tune's <c>Searcher</c>). The study grain owns one, asks it for a
/// config per new trial and reports every result back. Searchers are deterministic given the spec (seed included),
/// single-threaded (one grain turn at a time), and their state round-trips through <see cref="IPartitionedState"/>:
/// in parts (a small shared part and one part per trial, so a store writes per event only what changed) or whole.
/// </summary>
public interface ISearcher : IPartitionedState
{
    /// <summary>
    /// A config for the new trial <paramref name="trialId"/>, <see cref="SuggestResult.Wait"/>, or
    /// <see cref="SuggestResult.Finished"/> once the space or the budget's <c>max_trials</c> is used up. Asking again for
    /// an id that already got a config returns the same config and uses no budget, so a retried grain call is safe.
    /// </summary>
    SuggestResult Suggest(string trialId);

    /// <summary>An intermediate result of a running trial (one epoch). Unknown ids are ignored.</summary>
    void OnTrialResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics);

    /// <summary>
    /// A trial ended: with its final metrics (null means "the last reported ones"), or failed. Unknown ids are ignored.
    /// Failed trials still count against the budget.
    /// </summary>
    void OnTrialComplete(string trialId, IReadOnlyDictionary<string, double>? finalMetrics, bool failed);
}
