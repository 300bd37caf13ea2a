using System.Diagnostics.Metrics;
using HyperTune.Abstractions.Cluster;
using HyperTune.Grains.Diagnostics;

namespace HyperTune.Grains.Tests.Cluster;

/// <summary>The slot directory feeds the per-silo gauges of the silo that hosts it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlotDirectoryGaugesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Drain_ASilo_ItsDrainingGaugeIsOneFromOneProcessAndItsSlotsAreReported()
    {
        var directory = fixture.Client.GetGrain<ISlotDirectoryGrain>(0);
        var silo = (await directory.GetClusterAsync()).Silos[0];
        var addresses = fixture.Cluster.Silos.Select(s => s.SiloAddress.Endpoint.ToString()).ToHashSet(StringComparer.Ordinal);
        try
        {
            await directory.SetDrainingAsync(silo.Name, draining: true);

            var measurements = Record(addresses);

            Assert.Equal(1, Assert.Single(measurements, m => m.Instrument == InstrumentNames.SiloDraining && m.Silo == silo.Name).Value);
            Assert.Equal(ClusterFixture.SlotsPerSilo, Assert.Single(measurements, m => m.Instrument == InstrumentNames.SiloSlots && m.Silo == silo.Name && m.Kind == "real").Value);
            Assert.Equal(fixture.Cluster.Silos.Count, measurements.Count(m => m.Instrument == InstrumentNames.SiloDraining));
        }
        finally
        {
            await directory.SetDrainingAsync(silo.Name, draining: false);
        }

        Assert.Equal(0, Assert.Single(Record(addresses), m => m.Instrument == InstrumentNames.SiloDraining && m.Silo == silo.Name).Value);
    }

    /// <summary>The per-silo gauges of every <c>HyperTune</c> meter in the process, for this cluster's silos.</summary>
    private static List<(string Instrument, string? Silo, string? Kind, int Value)> Record(IReadOnlySet<string> addresses)
    {
        var measurements = new List<(string, string?, string?, int)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HyperTuneMetrics.MeterName && instrument.Name.StartsWith("hypertune.silo.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (addresses.Contains(all.GetValueOrDefault("silo.address") ?? ""))
            {
                measurements.Add((instrument.Name, all.GetValueOrDefault("silo"), all.GetValueOrDefault("slot.kind"), value));
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return measurements;
    }
}
