using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Values;

public sealed class CatalogCoercionTests
{
    [Fact]
    public void Coerce_IntForFloatHyperparameter_BecomesFloat() =>
        Assert.Equal(ParameterValue.Of(0.0), CatalogCoercion.Coerce("momentum", ParameterValue.Of(0L)));

    [Fact]
    public void Coerce_WholeFloatForIntHyperparameter_BecomesInt() =>
        Assert.Equal(ParameterValue.Of(64L), CatalogCoercion.Coerce("batch_size", ParameterValue.Of(64.0)));

    [Fact]
    public void Coerce_FractionalFloatForIntHyperparameter_Unchanged() =>
        Assert.Equal(ParameterValue.Of(64.5), CatalogCoercion.Coerce("batch_size", ParameterValue.Of(64.5)));

    [Fact]
    public void Coerce_PerLayerWidth_UsesHiddenUnitsType() =>
        Assert.Equal(ParameterValue.Of(32L), CatalogCoercion.Coerce("hidden_units_2", ParameterValue.Of(32.0)));

    [Fact]
    public void Coerce_UnknownName_Unchanged() =>
        Assert.Equal(ParameterValue.Of(1L), CatalogCoercion.Coerce("nope", ParameterValue.Of(1L)));
}
