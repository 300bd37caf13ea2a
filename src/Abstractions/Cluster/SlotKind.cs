namespace HyperTune.Abstractions.Cluster;

/// <summary>The two kinds of training slot a silo offers.</summary>
[GenerateSerializer]
public enum SlotKind
{
    /// <summary>A slot that trains on a core (the TorchSharp MLP): <c>HyperTune:Training:Slots</c> per silo.</summary>
    Real,

    /// <summary>
    /// A virtual slot for the synthetic trainable, which only waits on timers and needs no core:
    /// <c>HyperTune:Training:SyntheticSlots</c> per silo.
    /// </summary>
    Synthetic,
}
