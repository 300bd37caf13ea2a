using System.Diagnostics.Metrics;
using HyperTune.Abstractions.Cluster;

namespace HyperTune.Grains.Diagnostics;

/// <summary>The grains' meter <c>HyperTune</c> and its instruments.</summary>
public sealed class HyperTuneMetrics
{
    /// <summary>The meter's name, for OpenTelemetry.</summary>
    public const string MeterName = "HyperTune";

    private readonly UpDownCounter<int> _running;
    private readonly UpDownCounter<int> _standby;
    private readonly Counter<int> _finished;
    private readonly Counter<int> _epochs;
    private readonly Counter<long> _checkpointBytes;
    private readonly Counter<int> _results;
    private volatile ClusterView? _cluster;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HyperTuneMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _running = meter.CreateUpDownCounter<int>(InstrumentNames.TrialsRunning, description: "Trials holding a slot and training now");
        _standby = meter.CreateUpDownCounter<int>(InstrumentNames.TrialsStandby, description: "Trials waiting for a slot (standby)");
        _finished = meter.CreateCounter<int>(InstrumentNames.TrialsFinished, description: "Trials finished, by status");
        _epochs = meter.CreateCounter<int>(InstrumentNames.Epochs, description: "Epochs trained");
        _checkpointBytes = meter.CreateCounter<long>(InstrumentNames.CheckpointBytes, unit: "By", description: "Checkpoint bytes written");
        _results = meter.CreateCounter<int>(InstrumentNames.Results, description: "Epoch results delivered to studies");
        meter.CreateObservableGauge(InstrumentNames.SiloSlots, () => PerSiloAndKind(p => p.Slots), description: "A live silo's training slots, by silo and slot kind");
        meter.CreateObservableGauge(InstrumentNames.SiloTrialsRunning, () => PerSiloAndKind(p => p.Used), description: "Trials holding a slot of a live silo, by silo and slot kind");
        meter.CreateObservableGauge(InstrumentNames.SiloTrialsStandby, () => PerSiloAndKind(p => p.Standby), description: "Standby trials waiting for a slot of a live silo, by silo and slot kind");
        meter.CreateObservableGauge(InstrumentNames.SiloDraining, PerSiloDraining, description: "1 while a live silo drains, by silo");
    }

    /// <summary>
    /// The slot directory's latest view, which the per-silo gauges read; null when the directory is not active in this
    /// process (only the silo that hosts it reports them, so they are never counted twice).
    /// </summary>
    public void PublishCluster(ClusterView? view) => _cluster = view;

    private IEnumerable<Measurement<int>> PerSiloAndKind(Func<SlotPool, int> value) =>
        (_cluster?.Silos ?? []).SelectMany(s => new[] { SlotKind.Real, SlotKind.Synthetic }
            .Select(kind => new Measurement<int>(value(s.Pool(kind)), SiloTags(s).Append(new("slot.kind", kind == SlotKind.Real ? "real" : "synthetic")))));

    private IEnumerable<Measurement<int>> PerSiloDraining() =>
        (_cluster?.Silos ?? []).Select(s => new Measurement<int>(s.Draining ? 1 : 0, SiloTags(s)));

    private static KeyValuePair<string, object?>[] SiloTags(SiloSlots silo) =>
        [new("silo", silo.Name), new("silo.address", silo.Silo.Endpoint.ToString())];

    /// <summary>A trial now counts in the gauge of <paramref name="kind"/> (<see cref="TrialPresence"/>).</summary>
    public void Enter(TrialPresenceKind kind) => GaugeOf(kind)?.Add(1);

    /// <summary>A trial no longer counts in the gauge of <paramref name="kind"/>.</summary>
    public void Leave(TrialPresenceKind kind) => GaugeOf(kind)?.Add(-1);

    /// <summary>A trial finished with <paramref name="status"/>.</summary>
    public void TrialFinished(string status) => _finished.Add(1, new KeyValuePair<string, object?>("status", status));

    private UpDownCounter<int>? GaugeOf(TrialPresenceKind kind) => kind switch
    {
        TrialPresenceKind.Running => _running,
        TrialPresenceKind.Standby => _standby,
        _ => null,
    };

    /// <summary>A trial finished an epoch.</summary>
    public void EpochTrained() => _epochs.Add(1);

    /// <summary>A trial delivered <paramref name="count"/> epochs' results to its study.</summary>
    public void ResultsReported(int count) => _results.Add(count);

    /// <summary>A checkpoint of <paramref name="bytes"/> was written.</summary>
    public void CheckpointWritten(long bytes) => _checkpointBytes.Add(bytes);
}
