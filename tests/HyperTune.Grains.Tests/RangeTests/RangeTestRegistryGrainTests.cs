using HyperTune.Abstractions.RangeTests;

namespace HyperTune.Grains.Tests.RangeTests;

[Collection(ClusterCollection.Name)]
public sealed class RangeTestRegistryGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RecordAsync_SameTestAgain_ReplacesItAndTheListKeepsTheNewestFirstUpToItsCapacity()
    {
        var registry = fixture.Client.GetGrain<IRangeTestRegistryGrain>(0);
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < IRangeTestRegistryGrain.Capacity + 5; i++)
        {
            await registry.RecordAsync(Summary($"lrt-reg{i:D5}", RangeTestState.Running, start.AddSeconds(i)));
        }

        await registry.RecordAsync(Summary("lrt-reg01004", RangeTestState.Completed, start.AddSeconds(1004)) with { SearchLow = 1e-3, SearchHigh = 1e-2 });

        var all = await registry.ListAsync(IRangeTestRegistryGrain.Capacity + 100);
        Assert.Equal(IRangeTestRegistryGrain.Capacity, all.Length);
        Assert.Equal("lrt-reg01004", all[0].Id);
        Assert.Equal((RangeTestState.Completed, 1e-3), (all[0].State, all[0].SearchLow));
        Assert.DoesNotContain(all, t => t.Id == "lrt-reg00004"); // the oldest went
        Assert.Equal(3, (await registry.ListAsync(3)).Length);
    }

    private static RangeTestSummary Summary(string id, RangeTestState state, DateTimeOffset started) =>
        new(id, state, started, null, null, "digits", "silo", null, null, null, null);
}
