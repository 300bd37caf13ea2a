namespace HyperTune.Search.Searchers.RandomSearch;

/// <summary>The <c>random</c> searcher kind.</summary>
public sealed class RandomSearcherProvider : SearcherProvider<RandomSearcherOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "random";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override ISearcher Create(Specs.StudySpec spec, RandomSearcherOptions options) => new RandomSearcher(spec, options);
}
