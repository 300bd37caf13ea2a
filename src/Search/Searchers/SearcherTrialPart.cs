using HyperTune.Search.Values;

namespace HyperTune.Search.Searchers;

/// <summary>The saved form of a <see cref="TrialRecord"/>: a searcher's trial part (the same in formats 1 and 2).</summary>
internal sealed class SearcherTrialPart
{
    public string Id { get; set; } = "";

    public int Index { get; set; }

    public TrialConfig Config { get; set; } = TrialConfig.Empty;

    public TrialStatus Status { get; set; }

    public int LastEpoch { get; set; }

    public IReadOnlyDictionary<string, double> Metrics { get; set; } = new Dictionary<string, double>(StringComparer.Ordinal);
}
