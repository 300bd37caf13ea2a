using HyperTune.Abstractions.Cluster;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Reserve a training place for <paramref name="TrialId"/> in the slot directory; the answer goes back to the core
/// (<c>StudyController.OnSlotReserved</c>).
/// </summary>
/// <param name="TrialId">The trial to reserve for.</param>
/// <param name="Purpose">A new trial or a recovery.</param>
/// <param name="Mode">Which places will do.</param>
/// <param name="StudyConcurrency">
/// The study's concurrency: a standby place at its concurrency is allowed only when that covers every slot of the cluster
/// (a study limited below the cluster must not have a trial start when another study's trial ends).
/// </param>
/// <param name="Releasing">A trial of the study that just ended, whose place the directory frees first.</param>
/// <param name="Kind">The kind of slot the study's trainable needs (<see cref="SlotKinds.For"/>). Default: a real slot.</param>
public sealed record ReserveSlotEffect(
    string TrialId, SlotPurpose Purpose, SlotMode Mode, int StudyConcurrency, string? Releasing, SlotKind Kind = SlotKind.Real) : StudyEffect;
