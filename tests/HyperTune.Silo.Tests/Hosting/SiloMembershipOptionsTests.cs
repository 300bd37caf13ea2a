using HyperTune.Silo.Hosting;
using Orleans.Configuration;

namespace HyperTune.Silo.Tests.Hosting;

public sealed class SiloMembershipOptionsTests
{
    [Fact]
    public void ApplyTo_Defaults_DetectADeadSiloWellUnderFifteenSeconds()
    {
        var orleans = new ClusterMembershipOptions();

        new SiloMembershipOptions().ApplyTo(orleans);

        Assert.Equal(TimeSpan.FromSeconds(2), orleans.ProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), orleans.MaxProbeTimeout);
        Assert.Equal(3, orleans.NumMissedProbesLimit);
        Assert.Equal(2, orleans.NumVotesForDeathDeclaration);
        // Worst case, probes that time out instead of being refused: three of them at the longest timeout.
        Assert.True(orleans.NumMissedProbesLimit * orleans.MaxProbeTimeout < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void ApplyTo_MaxProbeTimeoutBelowProbeTimeout_IsRaisedToIt()
    {
        var orleans = new ClusterMembershipOptions();

        new SiloMembershipOptions { ProbeTimeout = TimeSpan.FromSeconds(5), MaxProbeTimeout = TimeSpan.FromSeconds(1) }.ApplyTo(orleans);

        Assert.Equal(TimeSpan.FromSeconds(5), orleans.MaxProbeTimeout);
    }
}
