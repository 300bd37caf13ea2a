using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers;

/// <summary>
/// What every searcher shares: the trial budget (<c>max_trials</c>), a record of suggested trials and their results,
/// idempotent <see cref="Suggest"/>, and state framing. A searcher supplies <see cref="SuggestNext"/> and its own state.
/// </summary>
/// <remarks>
/// State JSON: <c>{"kind":…, "format":1, "fingerprint":…, "trials":[…], "algorithm":{…}}</c>. The fingerprint hashes
/// the searcher spec, the search space and the seed; restoring onto a searcher of a different one throws.
/// </remarks>
public abstract class SearcherBase : ISearcher
{
    private const int Format = 1;
    private static readonly ImmutableSortedDictionary<string, double> NoMetrics = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);
    private readonly Dictionary<string, TrialRecord> _trials = new(StringComparer.Ordinal);
    private readonly string _fingerprint;

    /// <summary>Creates the searcher of a spec.</summary>
    /// <exception cref="StudySpecException">The search space is structurally invalid.</exception>
    protected SearcherBase(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = spec.SearchSpace.Validate();
        if (errors.Count > 0)
        {
            throw new StudySpecException(errors);
        }

        Spec = spec;
        _fingerprint = SearcherFingerprint.Compute(spec);
    }

    /// <summary>The searcher kind, as in the spec.</summary>
    public abstract string Kind { get; }

    /// <summary>The number of trials suggested so far.</summary>
    public int SuggestedCount => _trials.Count;

    /// <summary>Every suggested trial, in suggestion order.</summary>
    public IReadOnlyList<TrialRecord> Trials => [.. _trials.Values.OrderBy(t => t.Index)];

    /// <summary>The spec the searcher serves.</summary>
    protected StudySpec Spec { get; }

    /// <summary>Finds a suggested trial.</summary>
    public TrialRecord? GetTrial(string trialId) => _trials.GetValueOrDefault(trialId);

    /// <inheritdoc />
    public SuggestResult Suggest(string trialId)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        if (_trials.TryGetValue(trialId, out var known))
        {
            return SuggestResult.Suggested(known.Config);
        }

        if (_trials.Count >= Spec.Budget.MaxTrials)
        {
            return SuggestResult.Finished;
        }

        var result = SuggestNext(_trials.Count);
        if (result.HasConfig)
        {
            _trials.Add(trialId, new TrialRecord(trialId, _trials.Count, result.Config, TrialStatus.Running, -1, NoMetrics));
        }

        return result;
    }

    /// <inheritdoc />
    public void OnTrialResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(metrics);
        if (_trials.TryGetValue(trialId, out var trial) && trial.Status == TrialStatus.Running)
        {
            trial = trial with { LastEpoch = epoch, Metrics = Copy(metrics) };
            _trials[trialId] = trial;
            OnResult(trial);
        }
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, IReadOnlyDictionary<string, double>? finalMetrics, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (_trials.TryGetValue(trialId, out var trial) && trial.Status == TrialStatus.Running)
        {
            trial = trial with
            {
                Status = failed ? TrialStatus.Failed : TrialStatus.Completed,
                Metrics = finalMetrics is null ? trial.Metrics : Copy(finalMetrics),
            };
            _trials[trialId] = trial;
            OnComplete(trial);
        }
    }

    /// <inheritdoc />
    public byte[] SaveState()
    {
        var state = new SearcherState
        {
            Kind = Kind,
            Format = Format,
            Fingerprint = _fingerprint,
            Trials = [.. Trials.Select(t => new TrialState
            {
                Id = t.TrialId,
                Index = t.Index,
                Config = t.Config,
                Status = t.Status,
                LastEpoch = t.LastEpoch,
                Metrics = new SortedDictionary<string, double>(t.Metrics.ToDictionary(), StringComparer.Ordinal),
            })],
            Algorithm = SaveAlgorithmState(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(state, SearcherState.JsonOptions);
    }

    /// <inheritdoc />
    public void RestoreState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        SearcherState saved;
        try
        {
            saved = JsonSerializer.Deserialize<SearcherState>(state, SearcherState.JsonOptions)
                ?? throw new InvalidOperationException("The searcher state is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("The searcher state is not valid JSON: " + e.Message, e);
        }

        if (!string.Equals(saved.Kind, Kind, StringComparison.Ordinal) || saved.Format != Format)
        {
            throw new InvalidOperationException($"The state is of a '{saved.Kind}' searcher (format {saved.Format}), not '{Kind}' (format {Format}).");
        }

        if (!string.Equals(saved.Fingerprint, _fingerprint, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The state was saved by a searcher of another search space, searcher options or seed.");
        }

        RestoreAlgorithmState(saved.Algorithm ?? []);
        _trials.Clear();
        foreach (var t in saved.Trials)
        {
            _trials.Add(t.Id, new TrialRecord(t.Id, t.Index, t.Config, t.Status, t.LastEpoch, Copy(t.Metrics)));
        }
    }

    /// <summary>The next config; <paramref name="index"/> is the 0-based number of the suggestion. Called only within budget.</summary>
    protected abstract SuggestResult SuggestNext(int index);

    /// <summary>Hears an intermediate result after it is recorded. Does nothing by default.</summary>
    protected virtual void OnResult(TrialRecord trial)
    {
    }

    /// <summary>Hears a completed or failed trial after it is recorded. Does nothing by default.</summary>
    protected virtual void OnComplete(TrialRecord trial)
    {
    }

    /// <summary>The searcher's own state (beyond the trial records).</summary>
    protected abstract JsonObject SaveAlgorithmState();

    /// <summary>Restores the searcher's own state.</summary>
    /// <exception cref="InvalidOperationException">The state is malformed.</exception>
    protected abstract void RestoreAlgorithmState(JsonObject state);

    private static ImmutableSortedDictionary<string, double> Copy(IReadOnlyDictionary<string, double> metrics) =>
        metrics.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
