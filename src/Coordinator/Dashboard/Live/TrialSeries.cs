using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// One trial as the live pages draw it: its latest snapshot, its epochs in order and its learning-rate changes.
/// <see cref="Version"/> grows with every change, so a component draws a trial again only when it changed.
/// </summary>
public sealed class TrialSeries(string trialId)
{
    private readonly List<EpochMetrics> _epochs = [];
    private readonly List<LearningRateChange> _changes = [];

    /// <summary>The trial.</summary>
    public string TrialId { get; } = trialId;

    /// <summary>Its latest status; null until the first trial event (a history may come first).</summary>
    public TrialSnapshot? Snapshot { get; private set; }

    /// <summary>Its epochs, ordered by epoch, each once.</summary>
    public IReadOnlyList<EpochMetrics> Epochs => _epochs;

    /// <summary>Its learning-rate changes, ordered by step, each once.</summary>
    public IReadOnlyList<LearningRateChange> LearningRateChanges => _changes;

    /// <summary>Grows with every change of this trial.</summary>
    public int Version { get; private set; }

    /// <summary>The trial's number (from its snapshot, else from its id).</summary>
    public int Number => Snapshot?.Number ?? (int.TryParse(TrialId.AsSpan(TrialId.LastIndexOf('-') + 1), out var n) ? n : 0);

    /// <summary>The trial's state; Pending until a snapshot says otherwise.</summary>
    public TrialState State => Snapshot?.State ?? TrialState.Pending;

    /// <summary>The learning rate of its latest epoch (NaN before the first).</summary>
    public double LearningRate => _epochs.Count > 0 ? _epochs[^1].LearningRate : Snapshot?.LearningRate ?? double.NaN;

    /// <summary>The latest epoch's number.</summary>
    public int Epoch => Math.Max(_epochs.Count > 0 ? _epochs[^1].Epoch : 0, Snapshot?.Epoch ?? 0);

    /// <summary>The latest value of <paramref name="metric"/>, NaN when none.</summary>
    public double Latest(string metric)
    {
        for (var i = _epochs.Count - 1; i >= 0; i--)
        {
            if (_epochs[i].Metrics.TryGetValue(metric, out var value))
            {
                return value;
            }
        }

        return Snapshot?.Metrics.TryGetValue(metric, out var latest) == true ? latest : double.NaN;
    }

    /// <summary>The best finite value of <paramref name="metric"/> over the epochs, NaN when none.</summary>
    public double Best(string metric, bool maximize)
    {
        var best = double.NaN;
        foreach (var epoch in _epochs)
        {
            if (epoch.Metrics.TryGetValue(metric, out var value) && double.IsFinite(value)
                && (double.IsNaN(best) || (maximize ? value > best : value < best)))
            {
                best = value;
            }
        }

        return double.IsNaN(best) ? Latest(metric) : best;
    }

    /// <summary>Takes a newer snapshot; false when it changes nothing.</summary>
    public bool Apply(TrialSnapshot snapshot)
    {
        // Finished states are final, and a snapshot never goes back in epochs: an older notification loses.
        if (Snapshot is { } current && (current.State.IsFinished() && !snapshot.State.IsFinished() || snapshot.Epoch < current.Epoch))
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

    /// <summary>Adds an epoch and the changes that took effect in it; false when it was known.</summary>
    public bool Apply(EpochMetrics epoch, IEnumerable<LearningRateChange> changes)
    {
        var changed = AddChanges(changes);
        var index = _epochs.Count;
        while (index > 0 && _epochs[index - 1].Epoch >= epoch.Epoch)
        {
            if (_epochs[index - 1].Epoch == epoch.Epoch)
            {
                if (changed)
                {
                    Version++;
                }

                return changed;
            }

            index--;
        }

        _epochs.Insert(index, epoch);
        Version++;
        return true;
    }

    /// <summary>Merges a full history; false when it held nothing new.</summary>
    public bool Apply(TrialHistory history)
    {
        var before = Version;
        var changed = AddChanges(history.LearningRateChanges);
        foreach (var epoch in history.Epochs)
        {
            changed |= Apply(epoch, []);
        }

        if (changed && Version == before)
        {
            Version++;
        }

        return changed;
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
