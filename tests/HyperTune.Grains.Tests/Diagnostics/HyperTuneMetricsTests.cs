using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Net;
using HyperTune.Abstractions.Cluster;
using HyperTune.Grains.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.Grains.Tests.Diagnostics;

/// <summary>The per-silo gauges: slots, running and standby trials by kind of slot, and drains, from the directory's view.</summary>
public sealed class HyperTuneMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, int Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly HyperTuneMetrics _metrics;

    public HyperTuneMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HyperTuneMetrics.MeterName && instrument.Meter.Scope == factory && instrument.Name.StartsWith("hypertune.silo.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
        _metrics = new HyperTuneMetrics(factory);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private static readonly SiloAddress First = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.11"), 11111), 1);
    private static readonly SiloAddress Second = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.12"), 11112), 2);

    private int Read(string instrument, string silo, string? kind = null)
    {
        _measurements.Clear();
        _listener.RecordObservableInstruments();
        return Assert.Single(_measurements, m => m.Instrument == instrument && (string?)m.Tags["silo"] == silo
            && (kind is null ? !m.Tags.ContainsKey("slot.kind") : (string?)m.Tags["slot.kind"] == kind)).Value;
    }

    [Fact]
    public void PublishCluster_TwoSilos_EachReportsItsSlotsRunningStandbyAndDrainByKind()
    {
        _metrics.PublishCluster(new ClusterView(
        [
            new SiloSlots(First, "a-silo0", 2, ["t1", "t2", "t3"]) { Synthetic = new SlotPool(8, ["s1"]), Draining = true },
            new SiloSlots(Second, "b-silo1", 4, ["t4"]),
        ]));

        Assert.Equal(2, Read(InstrumentNames.SiloSlots, "a-silo0", "real"));
        Assert.Equal(2, Read(InstrumentNames.SiloTrialsRunning, "a-silo0", "real"));
        Assert.Equal(1, Read(InstrumentNames.SiloTrialsStandby, "a-silo0", "real"));
        Assert.Equal(8, Read(InstrumentNames.SiloSlots, "a-silo0", "synthetic"));
        Assert.Equal(1, Read(InstrumentNames.SiloTrialsRunning, "a-silo0", "synthetic"));
        Assert.Equal(1, Read(InstrumentNames.SiloDraining, "a-silo0"));
        Assert.Equal(4, Read(InstrumentNames.SiloSlots, "b-silo1", "real"));
        Assert.Equal(1, Read(InstrumentNames.SiloTrialsRunning, "b-silo1", "real"));
        Assert.Equal(0, Read(InstrumentNames.SiloTrialsStandby, "b-silo1", "real"));
        Assert.Equal(0, Read(InstrumentNames.SiloDraining, "b-silo1"));
        Assert.Contains(_measurements, m => (string?)m.Tags["silo.address"] == "10.0.0.12:11112");
    }

    [Fact]
    public void PublishCluster_Null_ReportsNoSilo()
    {
        _metrics.PublishCluster(new ClusterView([new SiloSlots(First, "a-silo0", 2, ImmutableArray<string>.Empty)]));
        _metrics.PublishCluster(null);

        _measurements.Clear();
        _listener.RecordObservableInstruments();

        Assert.Empty(_measurements);
    }
}
