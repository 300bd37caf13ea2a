using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers;

/// <summary>
/// What every searcher shares: the trial budget (<c>max_trials</c>), a record of suggested trials and their results,
/// idempotent <see cref="Suggest"/>, and saved state (see <see cref="AlgorithmBase{TTrial}"/>). A searcher supplies
/// <see cref="SuggestNext"/> and its own state, which must be bounded: whatever grows with the trials it derives from
/// the trial records (rebuilt in <see cref="OnRestored"/>).
/// </summary>
/// <remarks>
/// A trial's part is its record: <c>{"id", "index", "config", "status", "last_epoch", "metrics"}</c>. The fingerprint
/// hashes the searcher spec, the search space and the seed.
/// </remarks>
public abstract class SearcherBase : AlgorithmBase<TrialRecord>, ISearcher
{
    private static readonly ImmutableSortedDictionary<string, double> NoMetrics = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>Creates the searcher of a spec.</summary>
    /// <exception cref="StudySpecException">The search space is structurally invalid.</exception>
    protected SearcherBase(StudySpec spec)
        : base("searcher", Fingerprint(Validated(spec)))
    {
        Spec = spec;
    }

    /// <summary>The number of trials suggested so far.</summary>
    public int SuggestedCount => TrialCount;

    /// <summary>Every suggested trial, in suggestion order (a live view).</summary>
    public IReadOnlyList<TrialRecord> Trials => OrderedTrials;

    /// <summary>The spec the searcher serves.</summary>
    protected StudySpec Spec { get; }

    /// <summary>Finds a suggested trial.</summary>
    public TrialRecord? GetTrial(string trialId) => Find(trialId);

    /// <inheritdoc />
    public SuggestResult Suggest(string trialId)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        if (Find(trialId) is { } known)
        {
            return SuggestResult.Suggested(known.Config);
        }

        if (TrialCount >= Spec.Budget.MaxTrials)
        {
            return SuggestResult.Finished;
        }

        var result = SuggestNext(TrialCount);
        if (result.HasConfig)
        {
            Add(new TrialRecord(trialId, TrialCount, result.Config, TrialStatus.Running, -1, NoMetrics));
        }

        return result;
    }

    /// <inheritdoc />
    public void OnTrialResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(metrics);
        if (Find(trialId) is { Status: TrialStatus.Running } trial)
        {
            trial = trial with { LastEpoch = epoch, Metrics = Copy(metrics) };
            Replace(trial);
            OnResult(trial);
        }
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, IReadOnlyDictionary<string, double>? finalMetrics, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (Find(trialId) is { Status: TrialStatus.Running } trial)
        {
            trial = trial with
            {
                Status = failed ? TrialStatus.Failed : TrialStatus.Completed,
                Metrics = finalMetrics is null ? trial.Metrics : Copy(finalMetrics),
            };
            Replace(trial);
            OnComplete(trial);
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

    /// <summary>The searcher's own state (beyond the trial records): small and bounded, whatever the number of trials.</summary>
    protected abstract JsonObject SaveAlgorithmState();

    /// <summary>Restores the searcher's own state; the trial records are restored after it (see <see cref="OnRestored"/>).</summary>
    /// <exception cref="InvalidOperationException">The state is malformed.</exception>
    protected abstract void RestoreAlgorithmState(JsonObject state);

    /// <summary>Hears the end of a restore, with every trial record in place: rebuild what is derived from them. Does nothing by default.</summary>
    protected virtual void OnRestored()
    {
    }

    private protected override string IdOf(TrialRecord trial) => trial.TrialId;

    private protected override int IndexOf(TrialRecord trial) => trial.Index;

    private protected override JsonObject SaveSharedState() => SaveAlgorithmState();

    private protected override void WriteTrial(Utf8JsonWriter writer, TrialRecord trial) =>
        JsonSerializer.Serialize(writer, new SearcherTrialPart
        {
            Id = trial.TrialId,
            Index = trial.Index,
            Config = trial.Config,
            Status = trial.Status,
            LastEpoch = trial.LastEpoch,
            Metrics = trial.Metrics, // sorted by name: every record's metrics are an ordinal sorted dictionary
        }, AlgorithmJson.Options);

    private protected override (TrialRecord Trial, JsonObject? State) ReadTrial(JsonElement part)
    {
        var t = part.Deserialize<SearcherTrialPart>(AlgorithmJson.Options) ?? throw new JsonException("A trial part is null.");
        ArgumentException.ThrowIfNullOrEmpty(t.Id, "id");
        return (new TrialRecord(t.Id, t.Index, t.Config ?? throw new JsonException($"Trial '{t.Id}' has no config."), t.Status, t.LastEpoch, Copy(t.Metrics ?? NoMetrics)), null);
    }

    private protected override void RestoreAlgorithm(JsonObject shared, Func<TrialRecord, JsonObject?> trialState)
    {
        RestoreAlgorithmState(shared);
        OnRestored();
    }

    private static StudySpec Validated(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = spec.SearchSpace.Validate();
        return errors.Count > 0 ? throw new StudySpecException(errors) : spec;
    }

    private static string Fingerprint(StudySpec spec) =>
        AlgorithmFingerprint.Compute(
            spec.Searcher.Kind,
            spec.Searcher.Options.ToString(),
            StudySpecWriter.WriteSearchSpace(spec.SearchSpace),
            spec.Seed.ToString(CultureInfo.InvariantCulture));

    private static ImmutableSortedDictionary<string, double> Copy(IReadOnlyDictionary<string, double> metrics) =>
        metrics.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
