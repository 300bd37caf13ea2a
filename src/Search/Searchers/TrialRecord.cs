using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers;

/// <summary>What a searcher remembers of one suggested trial.</summary>
/// <param name="TrialId">The id the study gave the trial.</param>
/// <param name="Index">The 0-based order of the suggestion.</param>
/// <param name="Config">The suggested config.</param>
/// <param name="Status">Running, completed or failed.</param>
/// <param name="LastEpoch">The epoch of the last result, or -1 before any.</param>
/// <param name="Metrics">The last reported metrics, then the final ones; empty before any.</param>
public sealed record TrialRecord(
    string TrialId,
    int Index,
    TrialConfig Config,
    TrialStatus Status,
    int LastEpoch,
    IReadOnlyDictionary<string, double> Metrics);
