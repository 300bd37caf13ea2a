using System.Collections.Immutable;

namespace HyperTune.Abstractions.Cluster;

/// <summary>One silo's training slots: its real slots (the positional members) and its synthetic ones.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Name">The silo's name.</param>
/// <param name="Slots">Its real training slots.</param>
/// <param name="TrialIds">The trials holding a real slot there, or waiting for one as standby trials.</param>
[GenerateSerializer, Immutable]
public sealed record SiloSlots(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] string Name,
    [property: Id(2)] int Slots,
    [property: Id(3)] ImmutableArray<string> TrialIds)
{
    /// <summary>Its virtual slots for the synthetic trainable and the trials on them.</summary>
    [Id(4)]
    public SlotPool Synthetic { get; init; } = SlotPool.Empty;

    /// <summary>
    /// True while the silo drains: it is handed no new trial, and its studies move the trials on it elsewhere from their
    /// next checkpoint (<c>ISlotDirectoryGrain.SetDrainingAsync</c>).
    /// </summary>
    [Id(5)]
    public bool Draining { get; init; }

    /// <summary>Its real slots and the trials on them.</summary>
    public SlotPool Real => new(Slots, TrialIds);

    /// <summary>Real slots in use.</summary>
    public int Used => Real.Used;

    /// <summary>Trials started ahead there, waiting for one of its real slots to free (standby trials).</summary>
    public int Standby => Real.Standby;

    /// <summary>Real slots free.</summary>
    public int Free => Real.Free;

    /// <summary>The slots of <paramref name="kind"/>.</summary>
    public SlotPool Pool(SlotKind kind) => kind == SlotKind.Synthetic ? Synthetic : Real;
}
