using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers;

/// <summary>The saved form of a <see cref="TrialRecord"/>.</summary>
internal sealed class TrialState
{
    public string Id { get; set; } = "";

    public int Index { get; set; }

    public TrialConfig Config { get; set; } = TrialConfig.Empty;

    public TrialStatus Status { get; set; }

    public int LastEpoch { get; set; }

    public SortedDictionary<string, double> Metrics { get; set; } = new(StringComparer.Ordinal);
}
