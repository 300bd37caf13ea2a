namespace HyperTune.Search.Schedulers;

/// <summary>The objective score of one epoch: higher is better; −∞ for a NaN or missing metric.</summary>
/// <param name="Epoch">The 1-based epoch.</param>
/// <param name="Score">The metric (negated when minimizing).</param>
public readonly record struct EpochScore(int Epoch, double Score);
