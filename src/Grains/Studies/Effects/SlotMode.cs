namespace HyperTune.Grains.Studies.Effects;

/// <summary>Which training places a reservation may take.</summary>
public enum SlotMode
{
    /// <summary>Only a free slot (a lost trial restarts at once).</summary>
    FreeSlot,

    /// <summary>A free slot, else a standby place on a busy silo (a study below its concurrency starts its next trial).</summary>
    FreeOrStandby,

    /// <summary>
    /// Only a standby place on a silo with no free slot: a study at its concurrency starts a trial ahead, which takes over
    /// the next slot one of its own trials gives back. A free slot would let it train more trials at once than allowed.
    /// </summary>
    StandbyOnly,
}
