using HyperTune.Coordinator.Dashboard.Analysis;

namespace HyperTune.Dashboard.Tests.Analysis;

public sealed class LogDomainsTests
{
    [Fact]
    public void Of_Spec_NamesLogUniformAndLogIntParameters()
    {
        var names = LogDomains.Of("""
            {"search_space": {"learning_rate": {"type": "loguniform", "low": 1e-5, "high": 1},
             "hidden_units": {"type": "int", "low": 16, "high": 512, "log": true},
             "dropout": {"type": "uniform", "low": 0, "high": 0.5}, "optimizer": "adam"}}
            """);

        Assert.Equal(["hidden_units", "learning_rate"], names.Order());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"search_space\": 3}")]
    public void Of_UnreadableSpec_IsEmpty(string spec) => Assert.Empty(LogDomains.Of(spec));
}
