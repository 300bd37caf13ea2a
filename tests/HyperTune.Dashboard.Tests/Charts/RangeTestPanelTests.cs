using HyperTune.Coordinator.Dashboard.Charts;

namespace HyperTune.Dashboard.Tests.Charts;

public sealed class RangeTestPanelTests
{
    [Theory]
    [InlineData("""{"name":"x","lr_range_test":{}}""", true)]
    [InlineData("""{"name":"x","lr_range_test":{"steps":50,"set_bounds":false}}""", true)]
    [InlineData("""{"name":"x","lr_range_test":null}""", false)]
    [InlineData("""{"name":"x"}""", false)]
    [InlineData("""[1]""", false)]
    [InlineData("""not json""", false)]
    public void IsInSpec_SpecJson_TrueOnlyForAnLrRangeTestSection(string spec, bool expected) =>
        Assert.Equal(expected, RangeTestPanel.IsInSpec(spec));
}
