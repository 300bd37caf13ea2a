namespace HyperTune.Storage.History;

/// <summary>
/// Each trial's metric history, one row per epoch. Writing an epoch that is already there replaces it, so an epoch
/// trained again after a resume from an older checkpoint appears once, with its newest values.
/// </summary>
public interface ITrialHistoryStore
{
    /// <summary>
    /// Inserts the rows, replacing any already stored under the same (trial, epoch). The rows are written together:
    /// all or none.
    /// </summary>
    Task UpsertAsync(IReadOnlyCollection<TrialHistoryRow> rows, CancellationToken cancellationToken = default);

    /// <summary>A trial's rows, by epoch; empty for an unknown trial.</summary>
    Task<IReadOnlyList<TrialHistoryRow>> ReadAsync(string trialId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a trial's epochs after <paramref name="epoch"/> (those a resume from the checkpoint of that epoch will
    /// train again); 0 deletes them all.
    /// </summary>
    /// <returns>The rows deleted.</returns>
    Task<int> DeleteAfterAsync(string trialId, int epoch, CancellationToken cancellationToken = default);
}
