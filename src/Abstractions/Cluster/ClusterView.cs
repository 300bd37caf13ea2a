using System.Collections.Immutable;

namespace HyperTune.Abstractions.Cluster;

/// <summary>The training capacity of the cluster: every live silo's slots and the trials on them.</summary>
/// <param name="Silos">The live silos that offer training slots.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterView([property: Id(0)] ImmutableArray<SiloSlots> Silos)
{
    /// <summary>Slots in the whole cluster.</summary>
    public int TotalSlots => Silos.Sum(s => s.Slots);

    /// <summary>Free slots in the whole cluster.</summary>
    public int FreeSlots => Silos.Sum(s => s.Free);
}
