using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers;

/// <summary>
/// The usual shape of an <see cref="ISearcherProvider"/>: binds <c>$.searcher</c> options to
/// <typeparamref name="TOptions"/>, then lets the searcher check the rest of the spec and create itself.
/// </summary>
/// <typeparam name="TOptions">The searcher's options class: settable properties with documented defaults and data annotations.</typeparam>
public abstract class SearcherProvider<TOptions> : AlgorithmProvider<TOptions>, ISearcherProvider
    where TOptions : class, new()
{
    /// <summary>The path of searcher options in a spec.</summary>
    protected const string OptionsPath = "$.searcher";

    /// <summary>Creates the provider.</summary>
    protected SearcherProvider()
        : base(AlgorithmSection.Searcher)
    {
    }

    /// <inheritdoc />
    public ISearcher Create(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Create(spec, ValidOptions(spec, spec.SearchSpace.Validate()));
    }

    /// <summary>Creates the searcher from a spec and its bound, valid options.</summary>
    protected abstract ISearcher Create(StudySpec spec, TOptions options);
}
