using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>What TPE keeps of one suggested trial, by suggestion index, so a suggestion needs no pass over the trial records.</summary>
/// <param name="config">The suggested config.</param>
internal sealed class TpeTrialEntry(TrialConfig config)
{
    /// <summary>The suggested config.</summary>
    public TrialConfig Config { get; } = config;

    /// <summary>The score of the last intermediate result, or null before one.</summary>
    public double? Intermediate { get; set; }

    /// <summary>The final score (−∞ for a failed trial), or null while running.</summary>
    public double? Final { get; set; }
}
