namespace HyperTune.Grains.Studies.Effects;

/// <summary>What a slot is reserved for.</summary>
public enum SlotPurpose
{
    /// <summary>A new trial.</summary>
    Launch,

    /// <summary>A lost trial to restart.</summary>
    Recovery,
}
