using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using HyperTune.Testing;
using Orleans.Core.Internal;

namespace HyperTune.Grains.Tests.RangeTests;

[Collection(ClusterCollection.Name)]
public sealed class LearningRateRangeTestGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task DigitsWithAdam_CompletesOnASilo_SuggestingAnLrInTheUsualRange_AndRefusesASecondStart()
    {
        var test = fixture.Client.GetGrain<ILearningRateRangeTestGrain>("lrt-digits");
        var request = Request(TrialConfig.FromDictionary(new Dictionary<string, object> { ["optimizer"] = "adam", ["hidden_units"] = 64L, ["hidden_layers"] = 1L }));

        Assert.Null(await test.GetStatusAsync());
        Assert.True((await test.StartAsync(request)).Accepted);
        var status = await WaitForEndAsync(test);

        Assert.Equal(RangeTestState.Completed, status.State);
        var result = Assert.IsType<RangeTestResult>(status.Result);
        Assert.InRange(result.SuggestedLearningRate, 1e-4, 1e-1);
        Assert.True(result.SearchLow < result.SuggestedLearningRate && result.SuggestedLearningRate <= result.SearchHigh);
        Assert.Equal(result.Points.AsEnumerable(), status.Points.AsEnumerable());
        Assert.Equal(Enumerable.Range(0, status.Points.Length), status.Points.Select(p => p.Step));
        Assert.Contains(status.Silo, fixture.Cluster.Silos.Select(s => s.Name));
        Assert.NotNull(status.EndedAt);

        var again = await test.StartAsync(request);
        Assert.Equal(CommandError.InvalidState, again.Kind);
    }

    [Fact]
    public async Task WhileItRamps_StatusQueriesAnswer_WithThePointsSoFar()
    {
        // A long ramp on the bigger digits model: the grain must answer between its steps, not after its run.
        var test = fixture.Client.GetGrain<ILearningRateRangeTestGrain>("lrt-live");
        var request = Request(TrialConfig.FromDictionary(new Dictionary<string, object> { ["hidden_units"] = 256L, ["hidden_layers"] = 3L, ["batch_size"] = 256L }))
            with { Options = new LearningRateRangeTestOptions { Steps = 600, EndLearningRate = 1e-3 } };

        Assert.True((await test.StartAsync(request)).Accepted);
        LearningRateRangeTestStatus? seen = null;
        await Eventually.HoldsAsync(async () =>
        {
            seen = await test.GetStatusAsync();
            return seen is { State: RangeTestState.Running, Points.Length: > 0 } || seen?.State != RangeTestState.Running;
        }, "the running test reports its first points", Timeout);

        Assert.Equal(RangeTestState.Running, seen!.State);
        Assert.True(seen.Points.Length < request.Options.Steps, $"{seen.Points.Length} points");
        Assert.Null(seen.Result);
        var ended = await WaitForEndAsync(test);
        Assert.True(ended.Points.Length >= seen.Points.Length);
        Assert.Equal(seen.Points.AsEnumerable(), ended.Points.Take(seen.Points.Length));
    }

    [Fact]
    public async Task ARunCutOff_ByItsActivationGoing_ReadsBackAsInterrupted_AndMayBeStartedAgain()
    {
        var test = fixture.Client.GetGrain<ILearningRateRangeTestGrain>("lrt-cut-off");
        var longRamp = Request(TrialConfig.FromDictionary(new Dictionary<string, object> { ["hidden_units"] = 256L, ["hidden_layers"] = 3L }))
            with { Options = new LearningRateRangeTestOptions { Steps = 100_000, EndLearningRate = 1e-3 } };
        Assert.True((await test.StartAsync(longRamp)).Accepted);
        await Eventually.HoldsAsync(async () => (await test.GetStatusAsync())!.Points.Length > 0, "the test ramps", Timeout);

        await test.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var cut = await WaitForEndAsync(test);

        Assert.Equal(RangeTestState.Failed, cut.State);
        Assert.True(cut.Interrupted);
        Assert.Contains("interrupted", cut.Error);
        Assert.True((await test.StartAsync(longRamp with { Options = new LearningRateRangeTestOptions { Steps = 20 } })).Accepted);
        Assert.Equal(RangeTestState.Completed, (await WaitForEndAsync(test)).State);
    }

    [Fact]
    public async Task UnknownOptimizer_FailsWithTheEngineError_AndMayBeStartedAgain()
    {
        var test = fixture.Client.GetGrain<ILearningRateRangeTestGrain>("lrt-bad-config");
        var bad = Request(TrialConfig.FromDictionary(new Dictionary<string, object> { ["optimizer"] = "no-such-optimizer" }));

        Assert.True((await test.StartAsync(bad)).Accepted);
        var failed = await WaitForEndAsync(test);

        Assert.Equal(RangeTestState.Failed, failed.State);
        Assert.Contains("no-such-optimizer", failed.Error);
        Assert.False(failed.Interrupted);
        Assert.Null(failed.Result);

        Assert.True((await test.StartAsync(Request(TrialConfig.Empty) with { Options = new LearningRateRangeTestOptions { Steps = 20 } })).Accepted);
        Assert.Equal(RangeTestState.Completed, (await WaitForEndAsync(test)).State);
    }

    [Fact]
    public async Task InvalidOptions_AreRefusedBeforeAnythingRuns()
    {
        var test = fixture.Client.GetGrain<ILearningRateRangeTestGrain>("lrt-bad-options");

        var result = await test.StartAsync(Request(TrialConfig.Empty) with { Options = new LearningRateRangeTestOptions { Steps = 2 } });

        Assert.Equal(CommandError.InvalidArgument, result.Kind);
        Assert.Contains("Steps", result.Error);
        Assert.Null(await test.GetStatusAsync());
    }

    private static LearningRateRangeTestRequest Request(TrialConfig config) =>
        new(config, new DatasetSpec { Kind = DatasetKinds.Digits }, Seed: 7, new LearningRateRangeTestOptions());

    private static async Task<LearningRateRangeTestStatus> WaitForEndAsync(ILearningRateRangeTestGrain test)
    {
        LearningRateRangeTestStatus? status = null;
        await Eventually.HoldsAsync(async () => (status = await test.GetStatusAsync()) is { State: not RangeTestState.Running }, "the range test ends", Timeout);
        return status!;
    }
}
