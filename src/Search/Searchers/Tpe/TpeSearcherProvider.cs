using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>The <c>tpe</c> searcher kind.</summary>
public sealed class TpeSearcherProvider : SearcherProvider<TpeSearcherOptions>
{
    /// <summary>The kind name.</summary>
    public const string KindName = "tpe";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override ISearcher Create(StudySpec spec, TpeSearcherOptions options) => new TpeSearcher(spec, options);
}
