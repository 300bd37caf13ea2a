using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Schedulers;

/// <summary>
/// What every scheduler shares: the trials it heard of with their scores by epoch, checkpoints and status; the running
/// ones apart; idempotent pruning (a pruned trial keeps getting its prune decision); and saved state (see
/// <see cref="AlgorithmBase{TTrial}"/>). A scheduler supplies <see cref="Decide"/> and its own state: a bounded shared
/// part and, for whatever grows with the trials, a part per trial from which it rebuilds its aggregates.
/// </summary>
/// <remarks>
/// A trial's part: <c>{"id", "index", "config", "status", "scores", "latest_checkpoint", "prune_reason", "algorithm"}</c>,
/// the last the scheduler's per-trial state when it keeps one. The fingerprint hashes the scheduler kind and options,
/// the objective and the seed.
/// </remarks>
public abstract class TrialSchedulerBase : AlgorithmBase<SchedulerTrial>, ITrialScheduler
{
    private readonly HashSet<SchedulerTrial> _running = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the scheduler of a spec.</summary>
    protected TrialSchedulerBase(StudySpec spec, TimeProvider? time)
        : base("scheduler", Fingerprint(spec))
    {
        Spec = spec;
        Time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public virtual int? MaxEpochs => null;

    /// <summary>Every trial heard of, in the order added (a live view).</summary>
    public IReadOnlyList<SchedulerTrial> Trials => OrderedTrials;

    /// <summary>The trials whose status is <see cref="SchedulerTrialStatus.Running"/>, in no particular order.</summary>
    protected IReadOnlyCollection<SchedulerTrial> RunningTrials => _running;

    /// <summary>The spec the scheduler serves.</summary>
    protected StudySpec Spec { get; }

    /// <summary>The clock of recorded timestamps.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Finds a trial.</summary>
    public SchedulerTrial? GetTrial(string trialId) => Find(trialId);

    /// <inheritdoc />
    public void OnTrialAdded(string trialId, TrialConfig config)
    {
        ArgumentException.ThrowIfNullOrEmpty(trialId);
        ArgumentNullException.ThrowIfNull(config);
        if (Find(trialId) is not null)
        {
            return;
        }

        var trial = new SchedulerTrial { Id = trialId, Index = TrialCount, Config = config };
        Add(trial);
        _running.Add(trial);
        OnAdded(trial);
    }

    /// <inheritdoc />
    public SchedulerDecision OnTrialResult(string trialId, int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(metrics);
        if (Find(trialId) is not { } trial)
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

        MarkChanged(trial);
        var score = ObjectiveScore.Of(Spec.Objective, metrics);
        trial.Scores.Add(new EpochScore(epoch, score));
        var decision = Decide(trial, epoch, score);
        if (decision is PruneDecision prune)
        {
            trial.Status = SchedulerTrialStatus.Pruned;
            trial.PruneReason = prune.Reason;
            _running.Remove(trial);
        }

        return decision;
    }

    /// <inheritdoc />
    public void OnCheckpoint(string trialId, int epoch)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (Find(trialId) is { } trial)
        {
            MarkChanged(trial);
            trial.LatestCheckpoint = epoch;
        }
    }

    /// <inheritdoc />
    public void OnTrialComplete(string trialId, bool failed)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        if (Find(trialId) is { Status: SchedulerTrialStatus.Running or SchedulerTrialStatus.Pruned } trial)
        {
            MarkChanged(trial);
            if (trial.Status == SchedulerTrialStatus.Running || failed)
            {
                trial.Status = failed ? SchedulerTrialStatus.Failed : SchedulerTrialStatus.Completed;
                _running.Remove(trial);
            }

            OnCompleted(trial);
        }
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

    /// <summary>The scheduler's own shared state: small and bounded, whatever the number of trials. Empty by default.</summary>
    protected virtual JsonObject SaveAlgorithmState() => [];

    /// <summary>
    /// The scheduler's own state of one trial, saved in the trial's part; null (the default) when it keeps none. The
    /// trial's part is saved again whenever the trial is added, reports, checkpoints or ends, so change a trial's state
    /// only in those calls (of that trial).
    /// </summary>
    protected virtual JsonObject? SaveTrialAlgorithmState(SchedulerTrial trial) => null;

    /// <summary>
    /// Restores the scheduler's own state, replacing all of it: <paramref name="shared"/> as
    /// <see cref="SaveAlgorithmState"/> returned it, and for each of <see cref="Trials"/> (already restored)
    /// <paramref name="trialState"/>, what <see cref="SaveTrialAlgorithmState"/> returned for it (null for none).
    /// Rebuild every aggregate over trials here. Does nothing by default.
    /// </summary>
    /// <exception cref="InvalidOperationException">The state is malformed.</exception>
    protected virtual void RestoreAlgorithmState(JsonObject shared, Func<SchedulerTrial, JsonObject?> trialState)
    {
    }

    /// <summary>Formats a number for a reason text.</summary>
    protected static string Format4(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The metric value of a score, formatted for a reason text.</summary>
    protected string Metric(double score) => Format4(ObjectiveScore.ToMetric(Spec.Objective, score));

    private protected override string IdOf(SchedulerTrial trial) => trial.Id;

    private protected override int IndexOf(SchedulerTrial trial) => trial.Index;

    private protected override JsonObject SaveSharedState() => SaveAlgorithmState();

    private protected override void WriteTrial(Utf8JsonWriter writer, SchedulerTrial trial) =>
        JsonSerializer.Serialize(writer, new SchedulerTrialPart
        {
            Id = trial.Id,
            Index = trial.Index,
            Config = trial.Config,
            Status = trial.Status,
            Scores = trial.Scores,
            LatestCheckpoint = trial.LatestCheckpoint,
            PruneReason = trial.PruneReason,
            Algorithm = SaveTrialAlgorithmState(trial),
        }, AlgorithmJson.Options);

    private protected override (SchedulerTrial Trial, JsonObject? State) ReadTrial(JsonElement part)
    {
        var t = part.Deserialize<SchedulerTrialPart>(AlgorithmJson.Options) ?? throw new JsonException("A trial part is null.");
        ArgumentException.ThrowIfNullOrEmpty(t.Id, "id");
        var trial = new SchedulerTrial
        {
            Id = t.Id,
            Index = t.Index,
            Config = t.Config ?? throw new JsonException($"Trial '{t.Id}' has no config."),
            Status = t.Status,
            Scores = t.Scores ?? [],
            LatestCheckpoint = t.LatestCheckpoint,
            PruneReason = t.PruneReason,
        };
        return (trial, t.Algorithm);
    }

    private protected override void RestoreAlgorithm(JsonObject shared, Func<SchedulerTrial, JsonObject?> trialState)
    {
        _running.Clear();
        _running.UnionWith(Trials.Where(t => t.Status == SchedulerTrialStatus.Running));
        RestoreAlgorithmState(shared, trialState);
    }

    private static string Fingerprint(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return AlgorithmFingerprint.Compute(
            spec.Scheduler.Kind,
            spec.Scheduler.Options.ToString(),
            spec.Objective.Metric,
            JsonNames.Of(spec.Objective.Direction),
            spec.Seed.ToString(CultureInfo.InvariantCulture));
    }
}
