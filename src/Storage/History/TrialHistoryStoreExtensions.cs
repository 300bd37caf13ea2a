namespace HyperTune.Storage.History;

/// <summary>Conveniences over <see cref="ITrialHistoryStore"/>.</summary>
public static class TrialHistoryStoreExtensions
{
    /// <summary>Inserts or replaces one row.</summary>
    public static Task UpsertAsync(this ITrialHistoryStore store, TrialHistoryRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(row);
        return store.UpsertAsync([row], cancellationToken);
    }
}
