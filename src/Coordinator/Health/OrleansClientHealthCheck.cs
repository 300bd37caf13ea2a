using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HyperTune.Coordinator.Health;

/// <summary>Healthy while the Orleans client is connected to at least one gateway of the cluster.</summary>
internal sealed class OrleansClientHealthCheck(ClusterConnectionMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = monitor.ConnectedGateways;
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"Connected to {gateways} gateway(s) of the cluster.")
            : HealthCheckResult.Unhealthy("The Orleans client is not connected to any gateway of the cluster."));
    }
}
