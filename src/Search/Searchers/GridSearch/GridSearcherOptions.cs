using System.ComponentModel.DataAnnotations;

namespace HyperTune.Search.Searchers.GridSearch;

/// <summary>Options of the <c>grid</c> searcher (<c>"searcher": {"kind": "grid", "shuffle": true}</c>).</summary>
public sealed class GridSearcherOptions
{
    /// <summary>
    /// Visit the grid in a seeded random order instead of the fixed one, so a budget smaller than the grid still
    /// spreads over it. Default false.
    /// </summary>
    public bool Shuffle { get; init; }

    /// <summary>The largest grid accepted; a larger one is a spec error. Default 100,000; range 1 to 10,000,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxPoints { get; init; } = 100_000;
}
