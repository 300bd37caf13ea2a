using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class JsonPathsTests
{
    [Theory]
    [InlineData("learning_rate", "$.search_space.learning_rate")]
    [InlineData("odd name", "$.search_space['odd name']")]
    [InlineData("it's", "$.search_space['it\\'s']")]
    public void Property_Name_DotOrBracket(string name, string expected) =>
        Assert.Equal(expected, JsonPaths.Property("$.search_space", name));

    [Theory]
    [InlineData("$.a.b", "$.a", true)]
    [InlineData("$.a[0]", "$.a", true)]
    [InlineData("$.a", "$.a", true)]
    [InlineData("$.ab", "$.a", false)]
    public void IsWithin_Paths(string path, string ancestor, bool expected) =>
        Assert.Equal(expected, JsonPaths.IsWithin(path, ancestor));

    [Fact]
    public void Property_LongName_CutWithEllipsis()
    {
        var name = new string('a', 10_000);

        var path = JsonPaths.Property("$", name);

        Assert.Equal("$['" + new string('a', JsonPaths.MaxNameLength) + "…']", path);
    }
}
