using System.Net;
using HyperTune.Grains.Persistence;
using HyperTune.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace HyperTune.Silo.Tests.Hosting;

public sealed class SiloHostExtensionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-silohost-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private WebApplication Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperTune:Training:DataDirectory"] = _directory,
            ["HyperTune:Cluster:SiloPort"] = "21311",
            ["HyperTune:Cluster:GatewayPort"] = "21411",
            ["HyperTune:Cluster:PrimarySiloPort"] = "21310",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddHyperTuneSilo();
        return builder.Build();
    }

    [Fact]
    public async Task AddHyperTuneSilo_Sqlite_KeepsMembershipInTheSharedFileWithNoPrimaryAndAdvertisesLoopback()
    {
        await using var app = Build(("HyperTune:Storage:Provider", "sqlite"));

        Assert.IsType<SqliteMembershipTable>(app.Services.GetRequiredService<IMembershipTable>());
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal((IPAddress.Loopback, 21311, 21411), (endpoints.AdvertisedIPAddress, endpoints.SiloPort, endpoints.GatewayPort));
        Assert.Null(endpoints.SiloListeningEndpoint); // listens on the advertised loopback address only
        Assert.Null(app.Services.GetRequiredService<IOptions<DevelopmentClusterMembershipOptions>>().Value.PrimarySiloEndpoint);
        Assert.Equal("hypertune", app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);
    }

    [Fact]
    public async Task AddHyperTuneSilo_SqliteWithAnAdvertisedAddress_AdvertisesIt()
    {
        await using var app = Build(("HyperTune:Storage:Provider", "sqlite"), ("HyperTune:Cluster:AdvertisedAddress", "127.0.0.2"));

        Assert.Equal(IPAddress.Parse("127.0.0.2"), app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress);
    }

    [Fact]
    public void AddHyperTuneSilo_AdvertisedAddressOfAnotherMachine_StopsTheStartSayingSo()
    {
        // 192.0.2.0/24 is reserved for documentation: never an address of this machine.
        var error = Assert.Throws<OptionsValidationException>(() => Build(("HyperTune:Storage:Provider", "postgres"), ("HyperTune:Storage:ConnectionString", "Host=db;Database=x"), ("HyperTune:Cluster:AdvertisedAddress", "192.0.2.10")));

        Assert.Contains("AdvertisedAddress 192.0.2.10 is not an address of this machine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHyperTuneSilo_PostgresWithoutAnAdvertisedAddress_AdvertisesTheFirstReachableAddressAndListensOnEvery()
    {
        await using var app = Build(("HyperTune:Storage:Provider", "postgres"), ("HyperTune:Storage:ConnectionString", "Host=db;Database=x"));

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(HostAddresses.FirstReachable(HostAddresses.Current()), endpoints.AdvertisedIPAddress);
        Assert.Equal(IPAddress.Any, endpoints.SiloListeningEndpoint?.Address);
        Assert.Contains(app.Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), p => p is StoreClockCheck);
    }

    [Fact]
    public void AddHyperTuneSilo_AdvertisedAddressNotAnIp_StopsTheStartSayingSo()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(("HyperTune:Storage:Provider", "sqlite"), ("HyperTune:Cluster:AdvertisedAddress", "silo.example")));

        Assert.Contains("AdvertisedAddress 'silo.example' is not an IP address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHyperTuneSilo_Memory_KeepsLocalhostClusteringWithItsPrimary()
    {
        await using var app = Build(("HyperTune:Storage:Provider", "memory"));

        Assert.IsNotType<SqliteMembershipTable>(app.Services.GetRequiredService<IMembershipTable>());
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 21310), app.Services.GetRequiredService<IOptions<DevelopmentClusterMembershipOptions>>().Value.PrimarySiloEndpoint);
    }
}
