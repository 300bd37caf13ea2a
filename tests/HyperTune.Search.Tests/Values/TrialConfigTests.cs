using System.Text.Json;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Values;

public sealed class TrialConfigTests
{
    private static TrialConfig Sample() => new(new Dictionary<string, ParameterValue>
    {
        ["optimizer"] = "adam",
        ["batch_size"] = 64,
        ["learning_rate"] = 0.001,
        ["batch_norm"] = true,
    });

    [Fact]
    public void Keys_AnyInsertionOrder_OrderedByName() =>
        Assert.Equal(["batch_norm", "batch_size", "learning_rate", "optimizer"], Sample().Keys);

    [Fact]
    public void Equals_SameValuesOtherOrder_EqualWithEqualHash()
    {
        var other = TrialConfig.Empty.With("learning_rate", 0.001).With("batch_norm", true).With("optimizer", "adam").With("batch_size", 64);

        Assert.Equal(Sample(), other);
        Assert.Equal(Sample().GetHashCode(), other.GetHashCode());
        Assert.NotEqual(Sample(), other.With("batch_size", 32));
        Assert.NotEqual(Sample(), other.Without("batch_norm"));
    }

    [Fact]
    public void ToJson_ThenFromJson_Equal()
    {
        var json = Sample().ToJson();

        Assert.Equal("""{"batch_norm":true,"batch_size":64,"learning_rate":0.001,"optimizer":"adam"}""", json);
        Assert.Equal(Sample(), TrialConfig.FromJson(json));
    }

    [Fact]
    public void Serialize_AsPropertyOfAnotherObject_RoundTrips()
    {
        var json = JsonSerializer.Serialize(new Holder(Sample()));

        Assert.Equal(Sample(), JsonSerializer.Deserialize<Holder>(json)!.Config);
    }

    [Fact]
    public void FromJson_CatalogNumbersOfOtherShape_TakeCatalogType()
    {
        var config = TrialConfig.FromJson("""{"learning_rate":1,"batch_size":64.0,"custom":2}""");

        Assert.Equal(ParameterValue.Of(1.0), config["learning_rate"]);
        Assert.Equal(ParameterValue.Of(64L), config["batch_size"]);
        Assert.Equal(ParameterValue.Of(2L), config["custom"]);
    }

    [Fact]
    public void FromJson_NotAnObject_Throws() => Assert.Throws<JsonException>(() => TrialConfig.FromJson("[1]"));

    [Fact]
    public void ToDictionary_Values_AreDoubleLongStringBool()
    {
        var values = Sample().ToDictionary();

        Assert.IsType<bool>(values["batch_norm"]);
        Assert.IsType<long>(values["batch_size"]);
        Assert.IsType<double>(values["learning_rate"]);
        Assert.IsType<string>(values["optimizer"]);
        Assert.Equal(Sample(), TrialConfig.FromDictionary(values));
    }

    [Fact]
    public void Constructor_RepeatedName_Throws() =>
        Assert.Throws<ArgumentException>(() => new TrialConfig([KeyValuePair.Create("a", ParameterValue.Of(1L)), KeyValuePair.Create("a", ParameterValue.Of(2L))]));

    [Fact]
    public void ToString_ListsPairsInOrder() =>
        Assert.Equal("{batch_norm=true, batch_size=64, learning_rate=0.001, optimizer=adam}", Sample().ToString());

    private sealed record Holder(TrialConfig Config);
}
