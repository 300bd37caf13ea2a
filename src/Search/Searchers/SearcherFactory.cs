using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers;

/// <summary>Creates the searcher a spec names, looking its kind up in an <see cref="AlgorithmRegistry"/>.</summary>
public static class SearcherFactory
{
    /// <summary>Creates the searcher of <paramref name="spec"/> from the built-in kinds.</summary>
    /// <exception cref="StudySpecException">The kind is unknown, or the spec is invalid for the searcher.</exception>
    public static ISearcher Create(StudySpec spec) => Create(spec, AlgorithmRegistry.Default);

    /// <summary>Creates the searcher of <paramref name="spec"/> from the kinds of <paramref name="registry"/>.</summary>
    /// <exception cref="StudySpecException">The kind is unknown, or the spec is invalid for the searcher.</exception>
    public static ISearcher Create(StudySpec spec, AlgorithmRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.CreateSearcher(spec);
    }
}
