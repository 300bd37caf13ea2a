using System.Collections.Immutable;

namespace HyperTune.Abstractions.Cluster;

/// <summary>The training capacity of the cluster: every live silo's slots and the trials on them.</summary>
/// <param name="Silos">The live silos that offer training slots.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterView([property: Id(0)] ImmutableArray<SiloSlots> Silos)
{
    /// <summary>Real slots in the whole cluster.</summary>
    public int TotalSlots => Total(SlotKind.Real);

    /// <summary>Free real slots in the whole cluster.</summary>
    public int FreeSlots => Free(SlotKind.Real);

    /// <summary>Slots of <paramref name="kind"/> in the whole cluster.</summary>
    public int Total(SlotKind kind) => Silos.Sum(s => s.Pool(kind).Slots);

    /// <summary>Free slots of <paramref name="kind"/> in the whole cluster.</summary>
    public int Free(SlotKind kind) => Silos.Sum(s => s.Pool(kind).Free);
}
