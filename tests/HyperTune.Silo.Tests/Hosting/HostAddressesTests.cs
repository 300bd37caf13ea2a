using System.Net;
using HyperTune.Silo.Hosting;

namespace HyperTune.Silo.Tests.Hosting;

public sealed class HostAddressesTests
{
    private static readonly IPAddress[] Host = [IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("fe80::1"), IPAddress.Parse("10.0.0.7"), IPAddress.Parse("192.168.1.7")];

    [Fact]
    public void FirstReachable_SeveralAddresses_TakesTheFirstNonLoopbackIpv4()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.7"), HostAddresses.FirstReachable(Host));
    }

    [Fact]
    public void FirstReachable_OnlyLoopbackAndIpv6_FallsBackToLoopback()
    {
        Assert.Equal(IPAddress.Loopback, HostAddresses.FirstReachable([IPAddress.Loopback, IPAddress.Parse("fe80::1")]));
    }

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("192.168.1.7")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    public void Check_AnAddressOfThisMachine_Passes(string address)
    {
        Assert.Null(HostAddresses.Check(IPAddress.Parse(address), Host));
    }

    [Fact]
    public void Check_AnotherMachinesAddress_SaysWhichAddressesThisMachineHas()
    {
        var problem = HostAddresses.Check(IPAddress.Parse("10.0.0.8"), Host);

        Assert.Equal(
            "HyperTune:Cluster:AdvertisedAddress 10.0.0.8 is not an address of this machine, so other silos and clients could not reach it; this machine's IPv4 addresses: 10.0.0.7, 192.168.1.7.",
            problem);
    }

    [Fact]
    public void Current_ThisMachine_IncludesLoopback()
    {
        Assert.Contains(HostAddresses.Current(), IPAddress.IsLoopback);
    }
}
