using HyperTune.Search.Algorithms;

namespace HyperTune.Search.Specs;

/// <summary>
/// Which searcher a study uses and its options. JSON: the options sit beside the kind,
/// <c>"searcher": {"kind": "grid", "shuffle": true}</c>. Kinds and their options come from an <see cref="AlgorithmRegistry"/>.
/// </summary>
/// <param name="Kind">The searcher kind: <c>random</c>, <c>grid</c> or <c>tpe</c> built in.</param>
/// <param name="Options">The options besides <c>kind</c>; each searcher binds and validates its own.</param>
public sealed record SearcherSpec(string Kind, AlgorithmOptions Options)
{
    /// <summary>A searcher with no options.</summary>
    public SearcherSpec(string kind)
        : this(kind, AlgorithmOptions.Empty)
    {
    }

    /// <summary>The default: random search.</summary>
    public static SearcherSpec Default { get; } = new(Searchers.RandomSearch.RandomSearcherProvider.KindName);
}
