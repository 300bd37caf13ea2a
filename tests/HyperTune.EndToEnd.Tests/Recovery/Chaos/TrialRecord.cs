namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>A finished trial as the API tells it at the end: its epochs in history order and its events.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="MaxEpochs">The epochs it was to train.</param>
/// <param name="Epochs">The epoch numbers of its history, in the order given.</param>
/// <param name="Events">Its events, in the order they happened.</param>
public sealed record TrialRecord(string TrialId, int MaxEpochs, IReadOnlyList<int> Epochs, IReadOnlyList<HistoryEvent> Events);
