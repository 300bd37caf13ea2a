using HyperTune.Coordinator.Hosting;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Health;

/// <summary>
/// Asks the cluster, with a real grain call (<see cref="IClusterPing"/>), whether it answers — a connected gateway
/// alone does not say so (a silo whose primary is gone, or that is hung or cut off without its connection closing,
/// keeps its gateway connected and fails or never answers every call). A probe that takes longer than
/// <see cref="CoordinatorClusterOptions.HealthProbeTimeout"/> counts as failed. One probe at a time: callers within
/// <see cref="CoordinatorClusterOptions.HealthProbeInterval"/> of the last share its answer, so an open
/// <c>/health</c> cannot multiply grain calls.
/// </summary>
internal sealed class ClusterProbe(IClusterPing ping, IOptions<CoordinatorClusterOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private Task<ClusterProbeResult>? _last;
    private long _lastStarted;

    /// <summary>The last probe's answer if it is recent or still running; else a new probe's.</summary>
    public Task<ClusterProbeResult> ProbeAsync()
    {
        lock (_lock)
        {
            if (_last is null || (_last.IsCompleted && time.GetElapsedTime(_lastStarted) >= options.Value.HealthProbeInterval))
            {
                _lastStarted = time.GetTimestamp();
                _last = AskAsync();
            }

            return _last;
        }
    }

    private async Task<ClusterProbeResult> AskAsync()
    {
        try
        {
            var silos = await ping.CountActiveSilosAsync().WaitAsync(options.Value.HealthProbeTimeout, time);
            return new ClusterProbeResult(silos, null);
        }
        catch (Exception e) when (CoordinatorExceptionHandler.IsClusterFailure(e))
        {
            return new ClusterProbeResult(0, e);
        }
    }
}
