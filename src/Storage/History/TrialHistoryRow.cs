namespace HyperTune.Storage.History;

/// <summary>One epoch of a trial's metric history, keyed by (<paramref name="TrialId"/>, <paramref name="Epoch"/>).</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Epoch">The epoch (1-based).</param>
/// <param name="Step">Optimizer steps so far.</param>
/// <param name="LearningRate">The effective learning rate of the epoch's last step.</param>
/// <param name="DurationSeconds">Wall time of the epoch.</param>
/// <param name="ReportedAt">When the epoch ended.</param>
/// <param name="MetricsJson">The epoch's metrics as a JSON object (name → value); the store keeps it as it is.</param>
public sealed record TrialHistoryRow(
    string TrialId,
    int Epoch,
    long Step,
    double LearningRate,
    double DurationSeconds,
    DateTimeOffset ReportedAt,
    string MetricsJson);
