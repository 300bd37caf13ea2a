using System.Collections.Immutable;

namespace HyperTune.Abstractions.Cluster;

/// <summary>
/// The cluster-wide book of training slots. Silos register their real and synthetic slots; a study reserves a slot of
/// the kind its trainable needs (<see cref="SlotKinds.For"/>) for each trial it starts, on the live silo with the most
/// free slots of that kind, and the trial releases it when it ends. One instance, key 0.
/// </summary>
public interface ISlotDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Registers (or refreshes) a silo with <paramref name="slots"/> real training slots and
    /// <paramref name="syntheticSlots"/> virtual ones, and the trials on each kind now; silos refresh periodically, so
    /// the book heals if this grain is lost.
    /// </summary>
    Task RegisterSiloAsync(
        SiloAddress silo,
        string name,
        int slots,
        ImmutableArray<string> trainingTrialIds,
        int syntheticSlots = 0,
        ImmutableArray<string> syntheticTrialIds = default);

    /// <summary>
    /// Reserves a slot of <paramref name="kind"/> for <paramref name="trialId"/> and returns the silo to run it on, or
    /// null when every slot of that kind is taken. <paramref name="releasing"/> names a trial that just ended, whose slot
    /// (of whichever kind) is freed first (one call instead of two).
    /// </summary>
    Task<SiloAddress?> TryReserveAsync(string trialId, string? releasing = null, SlotKind kind = SlotKind.Real);

    /// <summary>
    /// Reserves a place for a trial started ahead: a free slot if there is one, otherwise a standby place on a silo
    /// whose slots are busy (at most <c>SlotDirectoryGrain.StandbyPerSilo</c> per silo). The trial's thread prepares and
    /// then waits for the silo's next free slot, so a slot passes from an ending trial to the next without a round trip.
    /// Null when there is no such place, or when <paramref name="studyConcurrency"/> is below the cluster's slots of
    /// <paramref name="kind"/> (a study limited below the cluster must not have a standby trial start when another
    /// study's trial ends). Slots and standby places of each kind are counted apart. With
    /// <paramref name="standbyOnly"/>, only a standby place on a silo with no free slot will do: a study at its
    /// concurrency starts a trial ahead, and a free slot would let it train more trials at once than it may (the slot may
    /// be free because one of its own trials ended, which it has not heard yet).
    /// </summary>
    Task<SiloAddress?> TryReserveStandbyAsync(string trialId, int studyConcurrency, string? releasing = null, SlotKind kind = SlotKind.Real, bool standbyOnly = false);

    /// <summary>Frees the slot held by <paramref name="trialId"/>, if any.</summary>
    Task ReleaseAsync(string trialId);

    /// <summary>
    /// Drains a live silo (<paramref name="draining"/> true) or ends its drain. A draining silo is handed no new trial
    /// (nor standby trial), and the studies move the trials it trains elsewhere from their next checkpoint; the drain
    /// lasts until it is ended or the silo leaves the cluster (a silo started again is not draining). The silo is named
    /// by its name, its <c>address:port</c> or its full address. Returns the silo as it is now; null when no live silo
    /// has that name or address.
    /// </summary>
    Task<SiloSlots?> SetDrainingAsync(string silo, bool draining);

    /// <summary>The live silos that drain now (the studies ask at each of their checks).</summary>
    Task<ImmutableArray<SiloAddress>> GetDrainingAsync();

    /// <summary>Every live silo's slots and trials.</summary>
    Task<ClusterView> GetClusterAsync();
}
