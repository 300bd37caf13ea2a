namespace HyperTune.Search.Schedulers.Asha;

/// <summary>A trial's score recorded when it reached a rung.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Score">Its score at the rung (higher is better).</param>
public sealed record RungEntry(string TrialId, double Score);
