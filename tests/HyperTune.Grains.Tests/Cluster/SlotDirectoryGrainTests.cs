using HyperTune.Abstractions.Cluster;
using HyperTune.Testing;

namespace HyperTune.Grains.Tests.Cluster;

/// <summary>The slot directory books real and synthetic slots apart, on a silo with one real and two synthetic slots.</summary>
public sealed class SlotDirectoryGrainTests : IAsyncLifetime
{
    private SingleSiloCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SingleSiloCluster.StartAsync("slot-kinds", training => (training.Slots, training.SyntheticSlots) = (1, 2));
        await Eventually.HoldsAsync(async () => (await Directory0.GetClusterAsync()).Silos.Length == 1, "the silo registers its slots");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private ISlotDirectoryGrain Directory0 => _cluster.Client.GetGrain<ISlotDirectoryGrain>(0);

    [Fact]
    public async Task TryReserve_EachKind_CountsItsOwnSlots()
    {
        var view = await Directory0.GetClusterAsync();
        var silo = view.Silos[0].Silo;
        Assert.Equal((1, 2), (view.Total(SlotKind.Real), view.Total(SlotKind.Synthetic)));

        Assert.Equal(silo, await Directory0.TryReserveAsync("real-1"));
        Assert.Null(await Directory0.TryReserveAsync("real-2"));
        Assert.Equal(silo, await Directory0.TryReserveAsync("synthetic-1", kind: SlotKind.Synthetic));
        Assert.Equal(silo, await Directory0.TryReserveAsync("synthetic-2", kind: SlotKind.Synthetic));
        Assert.Null(await Directory0.TryReserveAsync("synthetic-3", kind: SlotKind.Synthetic));

        // A study limited below the cluster's synthetic slots gets no standby place; one that covers them gets one.
        Assert.Null(await Directory0.TryReserveStandbyAsync("synthetic-3", studyConcurrency: 1, kind: SlotKind.Synthetic));
        Assert.Equal(silo, await Directory0.TryReserveStandbyAsync("synthetic-3", studyConcurrency: 2, kind: SlotKind.Synthetic));
        Assert.Null(await Directory0.TryReserveStandbyAsync("synthetic-4", studyConcurrency: 2, kind: SlotKind.Synthetic));

        var slots = (await Directory0.GetClusterAsync()).Silos[0];
        Assert.Equal((1, 0, 0), (slots.Used, slots.Standby, slots.Free));
        Assert.Equal(["real-1"], slots.TrialIds.ToArray());
        Assert.Equal((2, 1, 0), (slots.Synthetic.Used, slots.Synthetic.Standby, slots.Synthetic.Free));
        Assert.Equal(["synthetic-1", "synthetic-2", "synthetic-3"], slots.Synthetic.TrialIds.ToArray());

        // A synthetic trial's slot goes to the synthetic standby trial; the next one frees a synthetic slot, never a real one.
        Assert.Null(await Directory0.TryReserveAsync("synthetic-4", releasing: "synthetic-1", kind: SlotKind.Synthetic));
        Assert.Equal(silo, await Directory0.TryReserveAsync("synthetic-4", releasing: "synthetic-2", kind: SlotKind.Synthetic));
        Assert.Null(await Directory0.TryReserveAsync("real-2"));
        await Directory0.ReleaseAsync("real-1");
        Assert.Equal(silo, await Directory0.TryReserveAsync("real-2"));
    }

    [Fact]
    public async Task TryReserveStandbyOnly_WithAFreeSlot_IsRefused_AndTakesOnlyABusySilosStandbyPlace()
    {
        var silo = (await Directory0.GetClusterAsync()).Silos[0].Silo;

        // A free synthetic slot: a study at its concurrency must not take it (it may be its own trial's, just ended).
        Assert.Null(await Directory0.TryReserveStandbyAsync("only-1", studyConcurrency: 2, kind: SlotKind.Synthetic, standbyOnly: true));
        Assert.Equal(silo, await Directory0.TryReserveAsync("busy-1", kind: SlotKind.Synthetic));
        Assert.Equal(silo, await Directory0.TryReserveAsync("busy-2", kind: SlotKind.Synthetic));

        Assert.Equal(silo, await Directory0.TryReserveStandbyAsync("only-1", studyConcurrency: 2, kind: SlotKind.Synthetic, standbyOnly: true));
        Assert.Null(await Directory0.TryReserveStandbyAsync("only-2", studyConcurrency: 2, kind: SlotKind.Synthetic, standbyOnly: true));
        foreach (var trial in new[] { "busy-1", "busy-2", "only-1" })
        {
            await Directory0.ReleaseAsync(trial);
        }
    }

    [Fact]
    public async Task SetDraining_ByNameOrAddress_RefusesNewTrialsUntilTheDrainEnds()
    {
        var silo = (await Directory0.GetClusterAsync()).Silos[0];

        Assert.Null(await Directory0.SetDrainingAsync("no-such-silo", draining: true));
        var drained = await Directory0.SetDrainingAsync(silo.Silo.Endpoint.ToString(), draining: true);
        try
        {
            Assert.True(drained is { Draining: true });
            Assert.Equal([silo.Silo], (await Directory0.GetDrainingAsync()).ToArray());
            Assert.Null(await Directory0.TryReserveAsync("drain-real-1"));
            Assert.Null(await Directory0.TryReserveStandbyAsync("drain-synthetic-1", studyConcurrency: 100, kind: SlotKind.Synthetic));
            Assert.True((await Directory0.GetClusterAsync()).Silos[0].Draining);
        }
        finally
        {
            Assert.True(await Directory0.SetDrainingAsync(silo.Name, draining: false) is { Draining: false });
        }

        Assert.Empty(await Directory0.GetDrainingAsync());
        Assert.Equal(silo.Silo, await Directory0.TryReserveAsync("drain-real-1"));
        await Directory0.ReleaseAsync("drain-real-1");
    }
}
