namespace HyperTune.Coordinator.Health;

/// <summary>What a probe of the cluster found: the silos that answered as active, or the failure.</summary>
internal sealed record ClusterProbeResult(int ActiveSilos, Exception? Failure);
