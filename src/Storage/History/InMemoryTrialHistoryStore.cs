namespace HyperTune.Storage.History;

/// <summary>A history store in process memory, for development and tests: nothing survives the process.</summary>
public sealed class InMemoryTrialHistoryStore : ITrialHistoryStore
{
    private readonly Dictionary<string, SortedDictionary<int, TrialHistoryRow>> _trials = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyCollection<TrialHistoryRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            TrialHistoryRows.Validate(row);
        }

        lock (_lock)
        {
            foreach (var row in rows)
            {
                if (!_trials.TryGetValue(row.TrialId, out var epochs))
                {
                    _trials[row.TrialId] = epochs = [];
                }

                epochs[row.Epoch] = row;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialHistoryRow>> ReadAsync(string trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<TrialHistoryRow>>(_trials.TryGetValue(trialId, out var epochs) ? [.. epochs.Values] : []);
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteAfterAsync(string trialId, int epoch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        lock (_lock)
        {
            if (!_trials.TryGetValue(trialId, out var epochs))
            {
                return Task.FromResult(0);
            }

            var doomed = epochs.Keys.Where(e => e > epoch).ToList();
            doomed.ForEach(e => epochs.Remove(e));
            return Task.FromResult(doomed.Count);
        }
    }
}
