using HyperTune.Search.Randomness;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Spaces;

public sealed class CategoricalDomainTests
{
    [Fact]
    public void Sample_TenThousand_OnlyListedValuesAboutEqually()
    {
        var domain = new CategoricalDomain(["sgd", "adam", "rmsprop"]);
        var random = new PortableRandom(4);
        var counts = Enumerable.Range(0, 10_000).Select(_ => domain.Sample(random).AsString()).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["adam", "rmsprop", "sgd"], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 3100, 3560));
    }

    [Fact]
    public void Validate_Empty_ReportsValues() =>
        Assert.Equal("$.p.values", Assert.Single(new CategoricalDomain([]).Validate("$.p")).Path);

    [Fact]
    public void Validate_Repeated_ReportsRepeat() =>
        Assert.Equal("$.p.values[2]", Assert.Single(new CategoricalDomain([1, 2, 1]).Validate("$.p")).Path);

    [Fact]
    public void Equals_SameValues_EqualAndOrderMatters()
    {
        Assert.Equal(new CategoricalDomain([32, 64]), new CategoricalDomain([32, 64]));
        Assert.Equal(new CategoricalDomain([32, 64]).GetHashCode(), new CategoricalDomain([32, 64]).GetHashCode());
        Assert.NotEqual(new CategoricalDomain([32, 64]), new CategoricalDomain([64, 32]));
    }

    [Fact]
    public void Enumerate_ListedOrder() =>
        Assert.Equal([ParameterValue.Of(true), ParameterValue.Of(false)], new CategoricalDomain([true, false]).Enumerate());

    [Fact]
    public void Center_FirstListedValue()
    {
        Assert.Equal(ParameterValue.Of("rmsprop"), new CategoricalDomain(["rmsprop", "adam", "sgd"]).Center);
        Assert.Equal(ParameterValue.Of(128L), new CategoricalDomain([128, 32, 64]).Center);
    }

    [Fact]
    public void Center_Empty_Throws() => Assert.Throws<InvalidOperationException>(() => new CategoricalDomain([]).Center);
}
