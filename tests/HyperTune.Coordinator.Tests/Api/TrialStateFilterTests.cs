using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Api;

namespace HyperTune.Coordinator.Tests.Api;

public sealed class TrialStateFilterTests
{
    [Theory]
    [InlineData("running", TrialState.Running)]
    [InlineData("Completed", TrialState.Completed)]
    [InlineData("DIVERGED", TrialState.Diverged)]
    public void TryParse_StateName_AnyCase(string status, TrialState expected)
    {
        Assert.True(TrialStateFilter.TryParse(status, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_Nothing_IsNoFilter(string? status)
    {
        Assert.True(TrialStateFilter.TryParse(status, out var state));
        Assert.Null(state);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("sleeping")]
    [InlineData("Running,Paused")]
    public void TryParse_NotAState_IsFalse(string status) => Assert.False(TrialStateFilter.TryParse(status, out _));
}
