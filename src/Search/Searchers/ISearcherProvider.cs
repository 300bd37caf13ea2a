using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers;

/// <summary>One searcher kind: validates its part of a spec and creates the searcher. Register in an <see cref="AlgorithmRegistry"/>.</summary>
public interface ISearcherProvider : IAlgorithmProvider
{
    /// <summary>Creates the searcher of a spec whose searcher kind is <see cref="IAlgorithmProvider.Kind"/>.</summary>
    /// <exception cref="StudySpecException">The spec is invalid for this searcher.</exception>
    ISearcher Create(StudySpec spec);
}
