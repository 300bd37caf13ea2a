using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// One trial as the live pages show it: its latest snapshot, its latest epoch and best objective value, and — only while
/// a page holds its curve (<see cref="HoldsCurve"/>) — its epochs in order and its learning-rate changes.
/// <see cref="Version"/> grows with every change, so a component draws a trial again only when it changed.
/// </summary>
public sealed class TrialSeries(string trialId)
{
    private readonly List<EpochMetrics> _epochs = [];
    private readonly List<LearningRateChange> _changes = [];

    /// <summary>The trial.</summary>
    public string TrialId { get; } = trialId;

    /// <summary>Its latest status; null until the first trial event (an epoch may come first).</summary>
    public TrialSnapshot? Snapshot { get; private set; }

    /// <summary>True while the page keeps this trial's epochs (its curve); otherwise only the latest epoch is kept.</summary>
    public bool HoldsCurve { get; private set; }

    /// <summary>True once the trial's history was read since it was held: <see cref="Epochs"/> is then complete.</summary>
    public bool CurveLoaded { get; private set; }

    /// <summary>Its epochs (while its curve is held), ordered by epoch, each once.</summary>
    public IReadOnlyList<EpochMetrics> Epochs => _epochs;

    /// <summary>Its learning-rate changes (while its curve is held), ordered by step, each once.</summary>
    public IReadOnlyList<LearningRateChange> LearningRateChanges => _changes;

    /// <summary>Its latest epoch, whether or not its curve is held.</summary>
    public EpochMetrics? LastEpoch { get; private set; }

    /// <summary>Its best value of the study's objective so far; NaN before one.</summary>
    public double Objective { get; private set; } = double.NaN;

    /// <summary>The epoch of <see cref="Objective"/>; 0 before one.</summary>
    public int ObjectiveEpoch { get; private set; }

    /// <summary>Grows with every change of this trial.</summary>
    public int Version { get; private set; }

    /// <summary>The trial's number (from its snapshot, else from its id).</summary>
    public int Number => Snapshot?.Number ?? (int.TryParse(TrialId.AsSpan(TrialId.LastIndexOf('-') + 1), out var n) ? n : 0);

    /// <summary>The trial's state; Pending until a snapshot says otherwise.</summary>
    public TrialState State => Snapshot?.State ?? TrialState.Pending;

    /// <summary>The learning rate of its latest epoch (NaN before the first).</summary>
    public double LearningRate => LastEpoch is { } last && last.Epoch >= (Snapshot?.Epoch ?? 0) ? last.LearningRate : Snapshot?.LearningRate ?? double.NaN;

    /// <summary>The latest epoch's number.</summary>
    public int Epoch => Math.Max(LastEpoch?.Epoch ?? 0, Snapshot?.Epoch ?? 0);

    /// <summary>The latest value of <paramref name="metric"/>, NaN when none.</summary>
    public double Latest(string metric)
    {
        if (LastEpoch is { } last && last.Epoch >= (Snapshot?.Epoch ?? 0) && last.Metrics.TryGetValue(metric, out var value))
        {
            return value;
        }

        return Snapshot?.Metrics.TryGetValue(metric, out var latest) == true ? latest : double.NaN;
    }

    /// <summary>Starts or stops keeping the trial's epochs; stopping forgets them. True when it changed.</summary>
    public bool Hold(bool hold)
    {
        if (hold == HoldsCurve)
        {
            return false;
        }

        HoldsCurve = hold;
        if (!hold)
        {
            _epochs.Clear();
            _changes.Clear();
            CurveLoaded = false;
        }

        Version++;
        return true;
    }

    /// <summary>Takes a newer snapshot; false when it changes nothing.</summary>
    public bool Apply(TrialSnapshot snapshot)
    {
        // Finished states are final, and a snapshot never goes back in epochs (unless a later attempt): an older notification loses.
        if (Snapshot is { } current && ((current.State.IsFinished() && !snapshot.State.IsFinished())
            || (snapshot.Epoch < current.Epoch && snapshot.Attempt <= current.Attempt)))
        {
            return false;
        }

        if (Equals(Snapshot, snapshot))
        {
            return false;
        }

        Snapshot = snapshot;
        Version++;
        return true;
    }

    /// <summary>Takes a summary: its snapshot and best objective value; false when it held nothing new.</summary>
    public bool Apply(TrialSummary summary, bool maximize)
    {
        var changed = Apply(summary.Snapshot);
        if (IsBetter(summary.BestValue, maximize))
        {
            (Objective, ObjectiveEpoch) = (summary.BestValue, summary.BestEpoch);
            Version++;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Takes an epoch and the changes that took effect in it; <paramref name="objective"/> names the study's objective
    /// (null while unknown). False when nothing changed.
    /// </summary>
    public bool Apply(EpochMetrics epoch, IEnumerable<LearningRateChange> changes, string? objective = null, bool maximize = false)
    {
        var changed = false;
        if (LastEpoch is null || epoch.Epoch > LastEpoch.Epoch)
        {
            LastEpoch = epoch;
            changed = true;
        }

        if (objective is not null && epoch.Metrics.TryGetValue(objective, out var value) && IsBetter(value, maximize))
        {
            (Objective, ObjectiveEpoch) = (value, epoch.Epoch);
            changed = true;
        }

        if (HoldsCurve)
        {
            changed |= AddChanges(changes);
            changed |= AddEpoch(epoch);
        }

        if (changed)
        {
            Version++;
        }

        return changed;
    }

    /// <summary>Merges a full history (kept only while the curve is held); false when it held nothing new.</summary>
    public bool Apply(TrialHistory history, string? objective = null, bool maximize = false)
    {
        var changed = false;
        if (HoldsCurve)
        {
            changed |= AddChanges(history.LearningRateChanges);
            changed |= !CurveLoaded;
            CurveLoaded = true;
        }

        foreach (var epoch in history.Epochs)
        {
            changed |= Apply(epoch, [], objective, maximize);
        }

        if (changed)
        {
            Version++;
        }

        return changed;
    }

    private bool IsBetter(double value, bool maximize) =>
        double.IsFinite(value) && (double.IsNaN(Objective) || (maximize ? value > Objective : value < Objective));

    private bool AddEpoch(EpochMetrics epoch)
    {
        var index = _epochs.Count;
        while (index > 0 && _epochs[index - 1].Epoch >= epoch.Epoch)
        {
            if (_epochs[index - 1].Epoch == epoch.Epoch)
            {
                return false;
            }

            index--;
        }

        _epochs.Insert(index, epoch);
        return true;
    }

    private bool AddChanges(IEnumerable<LearningRateChange> changes)
    {
        var added = false;
        foreach (var change in changes)
        {
            if (_changes.Contains(change))
            {
                continue;
            }

            var index = _changes.Count;
            while (index > 0 && _changes[index - 1].Step > change.Step)
            {
                index--;
            }

            _changes.Insert(index, change);
            added = true;
        }

        return added;
    }
}
