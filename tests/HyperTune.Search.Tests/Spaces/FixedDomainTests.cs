using HyperTune.Search.Randomness;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Spaces;

public sealed class FixedDomainTests
{
    [Theory]
    [InlineData(10L)]
    [InlineData(0.25)]
    [InlineData("adam")]
    [InlineData(true)]
    public void Center_TheValue(object value)
    {
        var domain = new FixedDomain(ParameterValue.FromObject(value));

        Assert.Equal(ParameterValue.FromObject(value), domain.Center);
        Assert.Equal(domain.Sample(new PortableRandom(0)), domain.Center);
    }

    [Fact]
    public void Enumerate_OnlyTheValue() => Assert.Equal([ParameterValue.Of(3L)], new FixedDomain(3L).Enumerate());

    [Fact]
    public void Validate_Always_NoErrors() => Assert.Empty(new FixedDomain("x").Validate("$.p"));
}
