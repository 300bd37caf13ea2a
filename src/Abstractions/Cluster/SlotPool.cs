using System.Collections.Immutable;

namespace HyperTune.Abstractions.Cluster;

/// <summary>One kind of a silo's training slots.</summary>
/// <param name="Slots">The slots.</param>
/// <param name="TrialIds">The trials holding one of them, or waiting for one as standby trials.</param>
[GenerateSerializer, Immutable]
public sealed record SlotPool([property: Id(0)] int Slots, [property: Id(1)] ImmutableArray<string> TrialIds)
{
    /// <summary>No slots.</summary>
    public static SlotPool Empty { get; } = new(0, []);

    /// <summary>Slots in use.</summary>
    public int Used => Math.Min(TrialIds.Length, Slots);

    /// <summary>Trials started ahead, waiting for one of the slots to free (standby trials).</summary>
    public int Standby => Math.Max(0, TrialIds.Length - Slots);

    /// <summary>Slots free.</summary>
    public int Free => Math.Max(0, Slots - Used);
}
