using System.Diagnostics.Metrics;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HyperTune.Grains.Tests.Diagnostics;

/// <summary>The running and standby gauges: a trial counts in running only while it holds a slot and trains.</summary>
public sealed class TrialPresenceTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, int> _gauges = new(StringComparer.Ordinal);
    private readonly HyperTuneMetrics _metrics;

    public TrialPresenceTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HyperTuneMetrics.MeterName && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (_gauges)
            {
                _gauges[instrument.Name] = _gauges.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
        _metrics = new HyperTuneMetrics(factory);
    }

    private (int Running, int Standby) Gauges => (_gauges.GetValueOrDefault(InstrumentNames.TrialsRunning), _gauges.GetValueOrDefault(InstrumentNames.TrialsStandby));

    [Theory]
    [InlineData(TrialState.Pending, true, false, TrialPresenceKind.Standby)]
    [InlineData(TrialState.Running, true, false, TrialPresenceKind.Standby)]
    [InlineData(TrialState.Running, true, true, TrialPresenceKind.Running)]
    [InlineData(TrialState.Paused, true, true, TrialPresenceKind.None)]
    [InlineData(TrialState.Running, false, true, TrialPresenceKind.None)]
    [InlineData(TrialState.Completed, true, true, TrialPresenceKind.None)]
    public void Of_StateRunAndSlot_GivesTheGauge(TrialState state, bool training, bool holdsSlot, TrialPresenceKind expected) =>
        Assert.Equal(expected, TrialPresence.Of(state, training, holdsSlot));

    [Fact]
    public void Set_AStandbyTrialGetsItsSlotPausesResumesAndEnds_TheGaugesFollowWithoutCountingItTwice()
    {
        var standby = new TrialPresence(_metrics);
        var other = new TrialPresence(_metrics);

        standby.Set(TrialPresenceKind.Standby);
        other.Set(TrialPresenceKind.Running);
        Assert.Equal((1, 1), Gauges);

        standby.Set(TrialPresenceKind.Running);
        standby.Set(TrialPresenceKind.Running);
        Assert.Equal((2, 0), Gauges);

        standby.Set(TrialPresenceKind.None);
        Assert.Equal((1, 0), Gauges);
        standby.Set(TrialPresenceKind.Running);
        other.Set(TrialPresenceKind.None);
        standby.Set(TrialPresenceKind.None);
        Assert.Equal((0, 0), Gauges);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
