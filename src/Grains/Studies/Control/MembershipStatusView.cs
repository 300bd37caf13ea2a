using System.Collections.Immutable;

namespace HyperTune.Grains.Studies.Control;

/// <summary>Orleans' membership snapshot, and the slot directory's draining silos, as the study core sees them.</summary>
internal sealed class MembershipStatusView(ClusterMembershipSnapshot snapshot, ImmutableArray<SiloAddress> draining) : ISiloStatusView
{
    /// <inheritdoc />
    public SiloStatus StatusOf(SiloAddress silo) => snapshot.GetSiloStatus(silo);

    /// <inheritdoc />
    public bool IsDraining(SiloAddress silo) => !draining.IsDefault && draining.Contains(silo);
}
