namespace HyperTune.Coordinator.Health;

/// <summary>Counts the gateways the Orleans client is connected to, as Orleans reports them.</summary>
internal sealed class ClusterConnectionMonitor : IClusterConnectionStatusObserver
{
    private int _gateways;

    /// <summary>Gateways connected now.</summary>
    public int ConnectedGateways => Volatile.Read(ref _gateways);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref _gateways, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _gateways, 0);
}
