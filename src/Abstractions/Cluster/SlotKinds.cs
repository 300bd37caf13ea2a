using HyperTune.Search.Specs;

namespace HyperTune.Abstractions.Cluster;

/// <summary>Which kind of slot a trainable needs.</summary>
public static class SlotKinds
{
    /// <summary>A virtual slot for the synthetic trainable; a real one for everything else (null is the MLP).</summary>
    public static SlotKind For(TrainableSpec? trainable) => trainable?.IsSynthetic == true ? SlotKind.Synthetic : SlotKind.Real;
}
