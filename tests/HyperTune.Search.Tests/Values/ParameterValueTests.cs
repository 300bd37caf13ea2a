using System.Globalization;
using System.Text.Json;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Values;

public sealed class ParameterValueTests
{
    [Fact]
    public void ToObject_EachKind_GivesClrValueOfThatKind()
    {
        Assert.Equal(0.5, Assert.IsType<double>(ParameterValue.Of(0.5).ToObject()));
        Assert.Equal(64L, Assert.IsType<long>(ParameterValue.Of(64L).ToObject()));
        Assert.Equal("adam", Assert.IsType<string>(ParameterValue.Of("adam").ToObject()));
        Assert.True(Assert.IsType<bool>(ParameterValue.Of(true).ToObject()));
    }

    [Fact]
    public void FromObject_ClrValues_InverseOfToObject()
    {
        foreach (var value in new[] { ParameterValue.Of(1e-3), ParameterValue.Of(7L), ParameterValue.Of("relu"), ParameterValue.Of(false) })
        {
            Assert.Equal(value, ParameterValue.FromObject(value.ToObject()));
        }

        Assert.Equal(ParameterValue.Of(3L), ParameterValue.FromObject(3));
        Assert.Equal(ParameterValue.Of(0.25), ParameterValue.FromObject(0.25f));
    }

    [Fact]
    public void FromObject_UnsupportedType_Throws() =>
        Assert.Throws<ArgumentException>(() => ParameterValue.FromObject(new object()));

    [Fact]
    public void Equals_IntAndFloatOfSameNumber_NotEqual()
    {
        Assert.NotEqual(ParameterValue.Of(1L), ParameterValue.Of(1.0));
        Assert.Equal(ParameterValue.Of(1.0), ParameterValue.Of(1.0));
        Assert.Equal(ParameterValue.Of("a").GetHashCode(), ParameterValue.Of("a").GetHashCode());
    }

    [Fact]
    public void AsInt64_OnString_Throws() =>
        Assert.Throws<InvalidOperationException>(() => ParameterValue.Of("sgd").AsInt64());

    [Fact]
    public void AsDouble_OnInt_GivesTheNumber() => Assert.Equal(64.0, ParameterValue.Of(64L).AsDouble());

    [Fact]
    public void ToString_UnderCommaDecimalCulture_IsInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("0.001", ParameterValue.Of(0.001).ToString());
            Assert.Equal("true", ParameterValue.Of(true).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("1", ParameterValueKind.Int)]
    [InlineData("1.0", ParameterValueKind.Float)]
    [InlineData("1e-5", ParameterValueKind.Float)]
    [InlineData("\"adam\"", ParameterValueKind.String)]
    [InlineData("true", ParameterValueKind.Bool)]
    public void Deserialize_JsonToken_GivesKind(string json, ParameterValueKind kind) =>
        Assert.Equal(kind, JsonSerializer.Deserialize<ParameterValue>(json).Kind);

    [Fact]
    public void Serialize_WholeFloat_KeepsFractionAndReadsBackAsFloat()
    {
        var json = JsonSerializer.Serialize(ParameterValue.Of(1.0));

        Assert.Equal("1.0", json);
        Assert.Equal(ParameterValue.Of(1.0), JsonSerializer.Deserialize<ParameterValue>(json));
    }

    [Fact]
    public void Serialize_Values_RoundTrip()
    {
        foreach (var value in new[] { ParameterValue.Of(1e-5), ParameterValue.Of(0.1), ParameterValue.Of(-3L), ParameterValue.Of("a\"b"), ParameterValue.Of(true) })
        {
            Assert.Equal(value, JsonSerializer.Deserialize<ParameterValue>(JsonSerializer.Serialize(value)));
        }
    }

    [Fact]
    public void Deserialize_Object_Throws() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ParameterValue>("{}"));

    [Fact]
    public void Deserialize_NumberBeyondDouble_Throws() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ParameterValue>("1e400"));
}
