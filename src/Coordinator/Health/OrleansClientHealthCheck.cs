using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HyperTune.Coordinator.Health;

/// <summary>
/// Healthy while the cluster answers a grain call (<see cref="ClusterProbe"/>); Unhealthy, with what is unreachable,
/// when no gateway is connected or the probe fails. <c>/health</c> answers only the status word; the description is
/// for logs and the Aspire dashboard, and holds no exception text.
/// </summary>
internal sealed class OrleansClientHealthCheck(ClusterConnectionMonitor monitor, ClusterProbe probe, ClusterDescription cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = monitor.ConnectedGateways;
        if (gateways == 0)
        {
            return HealthCheckResult.Unhealthy(Sentence(cluster.Describe(null, gateways)));
        }

        var result = await probe.ProbeAsync().WaitAsync(cancellationToken);
        return result is { Failure: null, ActiveSilos: > 0 }
            ? HealthCheckResult.Healthy($"{result.ActiveSilos} silo(s) of the cluster answer through {gateways} gateway(s).")
            : HealthCheckResult.Unhealthy(Sentence(cluster.Describe(result.Failure, gateways)));
    }

    private static string Sentence(string clause) => char.ToUpperInvariant(clause[0]) + clause[1..] + ".";
}
