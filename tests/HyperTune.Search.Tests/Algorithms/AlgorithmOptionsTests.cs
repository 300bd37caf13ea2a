using System.Text.Json;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Searchers.GridSearch;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Algorithms;

public sealed class AlgorithmOptionsTests
{
    private static AlgorithmOptions Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AlgorithmOptions(document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value)));
    }

    [Fact]
    public void FromObject_ThenBind_SameOptions()
    {
        var options = AlgorithmOptions.FromObject(new GridSearcherOptions { Shuffle = true, MaxPoints = 7 });
        var errors = new List<SpecError>();

        var bound = options.Bind<GridSearcherOptions>("$.searcher", errors);

        Assert.Empty(errors);
        Assert.True(bound!.Shuffle);
        Assert.Equal(7, bound.MaxPoints);
    }

    [Fact]
    public void Bind_NothingGiven_Defaults()
    {
        var bound = AlgorithmOptions.Empty.Bind<GridSearcherOptions>("$.searcher", new List<SpecError>());

        Assert.False(bound!.Shuffle);
        Assert.Equal(100_000, bound.MaxPoints);
    }

    [Fact]
    public void Bind_SeveralBadOptions_EveryOneReported()
    {
        var errors = new List<SpecError>();

        var bound = Parse("""{"shuffle": 1, "max_points": -1, "colour": "red"}""").Bind<GridSearcherOptions>("$.searcher", errors);

        Assert.Null(bound);
        Assert.Equal(["$.searcher.colour", "$.searcher.shuffle", "$.searcher.max_points"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Equals_SameJsonDifferentFormatting_Equal()
    {
        Assert.Equal(Parse("""{"a": 1, "b": [1, 2]}"""), Parse("""{ "b": [1,2], "a": 1 }"""));
        Assert.NotEqual(Parse("""{"a": 1}"""), Parse("""{"a": 2}"""));
    }

    [Fact]
    public void ToString_CompactJson() => Assert.Equal("""{"a":1,"b":"x"}""", Parse("""{"b": "x", "a": 1}""").ToString());
}
