using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// What every scheduler shares: the trials it heard of with their scores by epoch, checkpoints and status; idempotent
/// pruning (a pruned trial keeps getting its prune decision); and state framing. A scheduler supplies
/// <see cref="Decide"/> and its own state.
/// </summary>
/// <remarks>
/// State JSON: <c>{"kind":…, "format":1, "fingerprint":…, "trials":[…], "algorithm":{…}}</c>. The fingerprint hashes
/// the scheduler kind and options, the objective and the seed; restoring onto a scheduler of another one throws.
/// </remarks>
public abstract class TrialSchedulerBase : ITrialScheduler
{
    private const int Format = 1;
    private readonly Dictionary<string, SchedulerTrial> _trials = new(StringComparer.Ordinal);
    private readonly List<SchedulerTrial> _ordered = [];
    private readonly string _fingerprint;

    /// <inheritdoc />
    public virtual int? MaxEpochs => null;

    /// <summary>Creates the scheduler of a spec.</summary>
    protected TrialSchedulerBase(StudySpec spec, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Time = time ?? TimeProvider.System;
        _fingerprint = Fingerprint(spec);
    }

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>Every trial heard of, in the order added.</summary>
    public IReadOnlyList<SchedulerTrial> Trials => _ordered;

    /// <summary>The spec the scheduler serves.</summary>
    protected StudySpec Spec { get; }

    /// <summary>The clock of recorded timestamps.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Finds a trial.</summary>
    public SchedulerTrial? GetTrial(string trialId) => _trials.GetValueOrDefault(trialId);

    /// <inheritdoc />
    public void OnTrialAdded(string trialId, TrialConfig config)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        ArgumentNullException.ThrowIfNull(config);
        if (_trials.ContainsKey(trialId))
        {
            return;
        }

        var trial = new SchedulerTrial { Id = trialId, Index = _ordered.Count, Config = config };
        _trials.Add(trialId, trial);
        _ordered.Add(trial);
        OnAdded(trial);
    }

    /// <inheritdoc />
    public SchedulerDecision OnTrialResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(metrics);
        if (!_trials.TryGetValue(trialId, out var trial))
        {
            return SchedulerDecision.Continue;
        }

        if (trial.Status == SchedulerTrialStatus.Pruned)
        {
            return SchedulerDecision.Prune(trial.PruneReason ?? "pruned");
        }

        if (trial.Status != SchedulerTrialStatus.Running)
        {
            return SchedulerDecision.Continue;
        }

        var score = ObjectiveScore.Of(Spec.Objective, metrics);
        trial.Scores.Add(new EpochScore(epoch, score));
        var decision = Decide(trial, epoch, score);
        if (decision is PruneDecision prune)
        {
            trial.Status = SchedulerTrialStatus.Pruned;
            trial.PruneReason = prune.Reason;
        }

        return decision;
    }

    /// <inheritdoc />
    public void OnCheckpoint(string trialId, int epoch)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (_trials.TryGetValue(trialId, out var trial))
        {
            trial.LatestCheckpoint = epoch;
        }
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (_trials.TryGetValue(trialId, out var trial) && trial.Status is SchedulerTrialStatus.Running or SchedulerTrialStatus.Pruned)
        {
            if (trial.Status == SchedulerTrialStatus.Running || failed)
            {
                trial.Status = failed ? SchedulerTrialStatus.Failed : SchedulerTrialStatus.Completed;
            }

            OnCompleted(trial);
        }
    }

    /// <inheritdoc />
    public byte[] SaveState()
    {
        var state = new SchedulerState
        {
            Kind = Kind,
            Format = Format,
            Fingerprint = _fingerprint,
            Trials = _ordered,
            Algorithm = SaveAlgorithmState(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(state, SchedulerState.JsonOptions);
    }

    /// <inheritdoc />
    public void RestoreState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        SchedulerState saved;
        try
        {
            saved = JsonSerializer.Deserialize<SchedulerState>(state, SchedulerState.JsonOptions)
                ?? throw new InvalidOperationException("The scheduler state is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("The scheduler state is not valid JSON: " + e.Message, e);
        }

        if (!string.Equals(saved.Kind, Kind, StringComparison.Ordinal) || saved.Format != Format)
        {
            throw new InvalidOperationException($"The state is of a '{saved.Kind}' scheduler (format {saved.Format}), not '{Kind}' (format {Format}).");
        }

        if (!string.Equals(saved.Fingerprint, _fingerprint, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The state was saved by a scheduler of other options, objective or seed.");
        }

        _trials.Clear();
        _ordered.Clear();
        foreach (var trial in saved.Trials.OrderBy(t => t.Index))
        {
            _trials.Add(trial.Id, trial);
            _ordered.Add(trial);
        }

        RestoreAlgorithmState(saved.Algorithm ?? []);
    }

    /// <summary>The decision for a running trial's result, after it is recorded in <paramref name="trial"/>.</summary>
    protected abstract SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score);

    /// <summary>Hears a new trial after it is recorded. Does nothing by default.</summary>
    protected virtual void OnAdded(SchedulerTrial trial)
    {
    }

    /// <summary>Hears a trial's end after it is recorded. Does nothing by default.</summary>
    protected virtual void OnCompleted(SchedulerTrial trial)
    {
    }

    /// <summary>The scheduler's own state (beyond the trial records). Empty by default.</summary>
    protected virtual JsonObject SaveAlgorithmState() => [];

    /// <summary>Restores the scheduler's own state; called after the trial records are restored.</summary>
    /// <exception cref="InvalidOperationException">The state is malformed.</exception>
    protected virtual void RestoreAlgorithmState(JsonObject state)
    {
    }

    /// <summary>Formats a number for a reason text.</summary>
    protected static string Format4(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The metric value of a score, formatted for a reason text.</summary>
    protected string Metric(double score) => Format4(ObjectiveScore.ToMetric(Spec.Objective, score));

    private static string Fingerprint(StudySpec spec)
    {
        var text = string.Join(
            "\n",
            spec.Scheduler.Kind,
            spec.Scheduler.Options.ToString(),
            spec.Objective.Metric,
            JsonNames.Of(spec.Objective.Direction),
            spec.Seed.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
