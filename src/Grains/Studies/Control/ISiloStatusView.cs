namespace HyperTune.Grains.Studies.Control;

/// <summary>What cluster membership says of silos, as of one moment.</summary>
public interface ISiloStatusView
{
    /// <summary>The status of <paramref name="silo"/>; <see cref="SiloStatus.None"/> when membership does not know it.</summary>
    SiloStatus StatusOf(SiloAddress silo);

    /// <summary>True when <paramref name="silo"/> drains: its trials move elsewhere from their next checkpoint.</summary>
    bool IsDraining(SiloAddress silo);
}
