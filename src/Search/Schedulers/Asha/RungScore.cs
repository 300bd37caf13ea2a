namespace HyperTune.Search.Schedulers.Asha;

/// <summary>A trial's score recorded when it reached a rung: the saved per-trial state of successive halving.</summary>
/// <param name="Epoch">The rung's epoch (a milestone of the trial's bracket).</param>
/// <param name="Score">The trial's score there (higher is better).</param>
internal sealed record RungScore(int Epoch, double Score);
