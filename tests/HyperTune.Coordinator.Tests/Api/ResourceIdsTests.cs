using HyperTune.Coordinator.Api;

namespace HyperTune.Coordinator.Tests.Api;

public sealed class ResourceIdsTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("digits-lr_2", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.ted", false)]
    [InlineData("ünï", false)]
    [InlineData("line\n", false)]
    public void IsStudyId_Examples(string id, bool valid) => Assert.Equal(valid, ResourceIds.IsStudyId(id));

    [Fact]
    public void IsStudyId_LengthLimit_Is64()
    {
        Assert.True(ResourceIds.IsStudyId(new string('a', 64)));
        Assert.False(ResourceIds.IsStudyId(new string('a', 65)));
    }

    [Theory]
    [InlineData("study-0001", true)]
    [InlineData("my-study-12", true)]
    [InlineData("study-", false)]
    [InlineData("-0001", false)]
    [InlineData("study", false)]
    [InlineData("study-00x1", false)]
    [InlineData("bad id-0001", false)]
    public void IsTrialId_Examples(string id, bool valid) => Assert.Equal(valid, ResourceIds.IsTrialId(id));

    [Theory]
    [InlineData("digits-lr", "^digits-lr-[0-9a-f]{8}$")]
    [InlineData("my spec/v1", "^my-spec-v1-[0-9a-f]{8}$")]
    [InlineData("", "^study-[0-9a-f]{8}$")]
    [InlineData(null, "^study-[0-9a-f]{8}$")]
    [InlineData("!!!", "^study-[0-9a-f]{8}$")]
    public void NewStudyId_FromName_IsSafeAndUnique(string? name, string pattern)
    {
        var id = ResourceIds.NewStudyId(name);

        Assert.Matches(pattern, id);
        Assert.True(ResourceIds.IsStudyId(id));
        Assert.NotEqual(id, ResourceIds.NewStudyId(name));
    }

    [Fact]
    public void NewStudyId_LongName_FitsTheLimit()
    {
        var id = ResourceIds.NewStudyId(new string('n', 200));

        Assert.Equal(ResourceIds.MaxStudyIdLength, id.Length);
        Assert.True(ResourceIds.IsStudyId(id));
    }
}
