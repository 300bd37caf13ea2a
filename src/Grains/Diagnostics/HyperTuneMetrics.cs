using System.Diagnostics.Metrics;

namespace HyperTune.Grains.Diagnostics;

/// <summary>The grains' meter <c>HyperTune</c> and its instruments.</summary>
public sealed class HyperTuneMetrics
{
    /// <summary>The meter's name, for OpenTelemetry.</summary>
    public const string MeterName = "HyperTune";

    private readonly UpDownCounter<int> _running;
    private readonly Counter<int> _finished;
    private readonly Counter<int> _epochs;
    private readonly Counter<long> _checkpointBytes;
    private readonly Counter<int> _results;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HyperTuneMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _running = meter.CreateUpDownCounter<int>(InstrumentNames.TrialsRunning, description: "Trials training now");
        _finished = meter.CreateCounter<int>(InstrumentNames.TrialsFinished, description: "Trials finished, by status");
        _epochs = meter.CreateCounter<int>(InstrumentNames.Epochs, description: "Epochs trained");
        _checkpointBytes = meter.CreateCounter<long>(InstrumentNames.CheckpointBytes, unit: "By", description: "Checkpoint bytes written");
        _results = meter.CreateCounter<int>(InstrumentNames.Results, description: "Epoch results delivered to studies");
    }

    /// <summary>A trial started training.</summary>
    public void TrialStarted() => _running.Add(1);

    /// <summary>A trial finished with <paramref name="status"/>.</summary>
    public void TrialFinished(string status)
    {
        _running.Add(-1);
        _finished.Add(1, new KeyValuePair<string, object?>("status", status));
    }

    /// <summary>A trial finished an epoch.</summary>
    public void EpochTrained() => _epochs.Add(1);

    /// <summary>A trial delivered <paramref name="count"/> epochs' results to its study.</summary>
    public void ResultsReported(int count) => _results.Add(count);

    /// <summary>A checkpoint of <paramref name="bytes"/> was written.</summary>
    public void CheckpointWritten(long bytes) => _checkpointBytes.Add(bytes);
}
