using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class SpecErrorListTests
{
    [Fact]
    public void Add_ErrorInsideAPlaceWithOne_Dropped()
    {
        var errors = new SpecErrorList();

        errors.Add("$.search_space.x", "first");
        errors.Add("$.search_space.x.low", "follows from the first");
        errors.Add("$.search_space.x[0]", "follows from the first");
        errors.Add("$.search_space.xy", "another place");

        Assert.Equal(["$.search_space.x", "$.search_space.xy"], errors.Errors.Select(e => e.Path));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Add_ErrorAroundAPlaceWithOne_Kept()
    {
        var errors = new SpecErrorList();

        errors.Add("$.a.b", "inner");
        errors.Add("$.a", "outer");

        Assert.Equal(["$.a.b", "$.a"], errors.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Suppress_LaterErrorsAtOrInsideThePlace_Dropped()
    {
        var errors = new SpecErrorList();

        errors.Suppress("$.search_space.x.when");
        errors.Add("$.search_space.x.when.parent", "dropped");
        errors.Add("$.search_space.x.low", "kept");

        Assert.Equal(["$.search_space.x.low"], errors.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Add_MoreThanTheCap_ListsTheFirstHundredThenCountsTheRest()
    {
        var errors = new SpecErrorList();

        for (var i = 0; i < 40_000; i++)
        {
            errors.Add($"$.k{i}", "is not a property");
        }

        Assert.Equal(40_000, errors.Count);
        Assert.Equal(SpecErrorList.MaxListed + 1, errors.Errors.Count);
        Assert.Equal("$.k99", errors.Errors[SpecErrorList.MaxListed - 1].Path);
        var last = errors.Errors[^1];
        Assert.Equal("$", last.Path);
        Assert.Contains("39,900 more problems", last.Message);
    }

    [Fact]
    public void Add_PastTheCap_StillDropsErrorsOfTakenPlaces()
    {
        var errors = new SpecErrorList();
        for (var i = 0; i < 150; i++)
        {
            errors.Add($"$.k{i}", "x");
        }

        errors.Add("$.k120.inner", "follows");
        errors.Add("$.k120", "again");

        Assert.Equal(150, errors.Count);
        Assert.Contains("50 more problems", errors.Errors[^1].Message);
    }

    [Fact]
    public void Add_LazyMessagePastTheCap_NeverBuilt()
    {
        var errors = new SpecErrorList();
        var built = 0;

        for (var i = 0; i < 1000; i++)
        {
            errors.Add($"$.k{i}", () =>
            {
                built++;
                return "message";
            });
        }

        Assert.Equal(SpecErrorList.MaxListed, built);
        Assert.Equal(1000, errors.Count);
    }
}
