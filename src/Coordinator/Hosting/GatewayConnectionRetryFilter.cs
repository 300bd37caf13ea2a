using HyperTune.Coordinator.Diagnostics;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Hosting;

/// <summary>
/// Keeps the Orleans client trying to reach a gateway at start, once a second, for
/// <see cref="CoordinatorClusterOptions.ConnectTimeout"/>, so the Coordinator may start a little before its silos.
/// </summary>
internal sealed class GatewayConnectionRetryFilter(
    IOptions<CoordinatorClusterOptions> options,
    TimeProvider time,
    ILogger<GatewayConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private long? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _firstFailure ??= time.GetTimestamp();
        var waited = time.GetElapsedTime(_firstFailure.Value);
        if (waited + RetryDelay > options.Value.ConnectTimeout)
        {
            Log.ClusterConnectGaveUp(logger, waited, exception.Message);
            return false;
        }

        Log.ClusterConnectRetry(logger, waited, exception.Message);
        await Task.Delay(RetryDelay, time, cancellationToken);
        return true;
    }
}
