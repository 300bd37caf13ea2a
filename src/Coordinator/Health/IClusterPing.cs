namespace HyperTune.Coordinator.Health;

/// <summary>One grain call that only a working cluster answers: how many silos are active.</summary>
internal interface IClusterPing
{
    /// <summary>The number of active silos, as the cluster itself says; throws when it cannot answer.</summary>
    Task<int> CountActiveSilosAsync();
}
