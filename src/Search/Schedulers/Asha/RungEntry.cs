namespace HyperTune.Search.Schedulers.Asha;

/// <summary>A trial's score recorded at a rung, as format 1 saved every rung's entries together.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Score">Its score at the rung (higher is better).</param>
internal sealed record RungEntry(string TrialId, double Score);
