namespace HyperTune.Search.Searchers.RandomSearch;

/// <summary>Options of the <c>random</c> searcher (<c>"searcher": {"kind": "random", "seed": 7}</c>).</summary>
public sealed class RandomSearcherOptions
{
    /// <summary>Seed of the searcher's random stream. Default null: the study's <c>seed</c>.</summary>
    public long? Seed { get; init; }
}
