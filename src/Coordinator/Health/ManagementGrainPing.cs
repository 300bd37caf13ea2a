namespace HyperTune.Coordinator.Health;

/// <summary>Asks Orleans' management grain for the active silos: a real call through a gateway into the cluster.</summary>
internal sealed class ManagementGrainPing(IGrainFactory grains) : IClusterPing
{
    public async Task<int> CountActiveSilosAsync() => (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
}
