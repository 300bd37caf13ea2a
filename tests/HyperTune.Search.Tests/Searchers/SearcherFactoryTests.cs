using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Searchers;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Searchers.RandomSearch;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Searchers;

public sealed class SearcherFactoryTests
{
    [Fact]
    public void Create_Random_RandomSearcher() => Assert.IsType<RandomSearcher>(SearcherFactory.Create(TestSpecs.Example));

    [Fact]
    public void Create_GridWithOptions_GridSearcherUsingThem()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("""{"hidden_layers": {"type":"int","low":1,"high":8}}""", """{"kind":"grid","shuffle":true}"""));

        var searcher = Assert.IsType<GridSearcher>(SearcherFactory.Create(spec));

        Assert.NotEqual(Enumerable.Range(1, 8).Select(i => (long)i), searcher.Points.Select(p => p["hidden_layers"].AsInt64()));
    }

    [Fact]
    public void Create_UnknownKind_ThrowsNamingKnownKinds()
    {
        var spec = TestSpecs.Example with { Searcher = new SearcherSpec("bogus") };

        var error = Assert.Single(Assert.Throws<StudySpecException>(() => SearcherFactory.Create(spec)).Errors);

        Assert.Equal("$.searcher.kind", error.Path);
        Assert.Contains("known kinds: grid, random, tpe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GridOverContinuousSpace_Throws() =>
        Assert.Throws<StudySpecException>(() => SearcherFactory.Create(TestSpecs.Example with { Searcher = new SearcherSpec("grid") }));

    [Fact]
    public void Create_RegisteredKind_UsedByFactoryParserAndValidator()
    {
        var registry = AlgorithmRegistry.Default.WithSearcher(new ConstantSearcherProvider());
        var spec = StudySpecParser.ParseOrThrow(
            TestSpecs.Json("""{"hidden_layers": {"type":"int","low":1,"high":8}}""", """{"kind":"constant","layers":5}"""),
            registry);

        var searcher = SearcherFactory.Create(spec, registry);

        Assert.Equal(5L, searcher.Suggest("a").Config!["hidden_layers"].AsInt64());
        Assert.Contains("constant", registry.SearcherKinds);
        Assert.DoesNotContain("constant", AlgorithmRegistry.Default.SearcherKinds);
        Assert.Equal("$.searcher.kind", Assert.Single(StudySpecParser.Parse(StudySpecWriter.Write(spec)).Errors).Path);
    }

    [Fact]
    public void Parse_RegisteredKindBadOption_ReportedAtPath()
    {
        var registry = AlgorithmRegistry.Default.WithSearcher(new ConstantSearcherProvider());

        var errors = StudySpecParser.Parse(TestSpecs.Json("{}", """{"kind":"constant","layers":9}"""), registry).Errors;

        Assert.Equal("$.searcher.layers", Assert.Single(errors).Path);
    }

    /// <summary>A searcher kind added from outside, to show that new kinds need no change to existing types.</summary>
    private sealed class ConstantSearcherProvider : SearcherProvider<ConstantSearcherOptions>
    {
        public override string Kind => "constant";

        protected override ISearcher Create(StudySpec spec, ConstantSearcherOptions options) => new ConstantSearcher(spec, options.Layers);
    }

    private sealed class ConstantSearcherOptions
    {
        [Range(1, 8)]
        public int Layers { get; init; } = 1;
    }

    private sealed class ConstantSearcher(StudySpec spec, int layers) : SearcherBase(spec)
    {
        public override string Kind => "constant";

        protected override SuggestResult SuggestNext(int index) =>
            SuggestResult.Suggested(TrialConfig.Empty.With("hidden_layers", (long)layers));

        protected override JsonObject SaveAlgorithmState() => [];

        protected override void RestoreAlgorithmState(JsonObject state)
        {
        }
    }
}
