using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>One trial as TPE sees it: its config and its score (higher is better; −∞ for failed, missing or lied-about).</summary>
/// <param name="Index">The trial's suggestion order.</param>
/// <param name="Config">Its config.</param>
/// <param name="Score">Its score.</param>
internal readonly record struct TpeObservation(int Index, TrialConfig Config, double Score);
