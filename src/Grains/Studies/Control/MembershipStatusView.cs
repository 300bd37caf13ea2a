namespace HyperTune.Grains.Studies.Control;

/// <summary>Orleans' membership snapshot as the study core sees it.</summary>
internal sealed class MembershipStatusView(ClusterMembershipSnapshot snapshot) : ISiloStatusView
{
    /// <inheritdoc />
    public SiloStatus StatusOf(SiloAddress silo) => snapshot.GetSiloStatus(silo);
}
