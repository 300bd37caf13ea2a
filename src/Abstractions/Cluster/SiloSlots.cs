using System.Collections.Immutable;

namespace HyperTune.Abstractions.Cluster;

/// <summary>One silo's training slots.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Name">The silo's name.</param>
/// <param name="Slots">Its training slots.</param>
/// <param name="TrialIds">The trials holding a slot there, or waiting for one as standby trials.</param>
[GenerateSerializer, Immutable]
public sealed record SiloSlots(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] string Name,
    [property: Id(2)] int Slots,
    [property: Id(3)] ImmutableArray<string> TrialIds)
{
    /// <summary>Slots in use.</summary>
    public int Used => Math.Min(TrialIds.Length, Slots);

    /// <summary>Trials started ahead there, waiting for one of its slots to free (standby trials).</summary>
    public int Standby => Math.Max(0, TrialIds.Length - Slots);

    /// <summary>Slots free.</summary>
    public int Free => Math.Max(0, Slots - Used);
}
