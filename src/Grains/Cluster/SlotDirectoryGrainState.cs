namespace HyperTune.Grains.Cluster;

/// <summary>What the slot directory keeps in grain storage: only the drains (the rest it learns again from the silos).</summary>
[GenerateSerializer]
public sealed class SlotDirectoryGrainState
{
    /// <summary>The silos that drain, as parsable silo addresses (a silo started again has a new address and does not drain).</summary>
    [Id(0)]
    public HashSet<string> Draining { get; set; } = new(StringComparer.Ordinal);
}
