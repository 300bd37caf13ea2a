namespace HyperTune.Storage.History;

/// <summary>Checks shared by the history stores.</summary>
internal static class TrialHistoryRows
{
    /// <summary>Throws when a row cannot be stored.</summary>
    public static void Validate(TrialHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentException.ThrowIfNullOrWhiteSpace(row.TrialId, nameof(row.TrialId));
        ArgumentOutOfRangeException.ThrowIfNegative(row.Epoch, nameof(row.Epoch));
        ArgumentException.ThrowIfNullOrWhiteSpace(row.MetricsJson, nameof(row.MetricsJson));
    }
}
