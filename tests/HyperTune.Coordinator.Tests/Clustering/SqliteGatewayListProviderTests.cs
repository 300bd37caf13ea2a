using System.Net;
using HyperTune.Coordinator.Clustering;
using HyperTune.Grains;
using HyperTune.Grains.Persistence;
using HyperTune.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace HyperTune.Coordinator.Tests.Clustering;

public sealed class SqliteGatewayListProviderTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-gateways-").FullName;

    private string DatabasePath => Path.Combine(_directory, "hypertune.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteGatewayListProvider Provider(string clusterId, TimeSpan? refresh = null) => new(
        new SqliteDatabase(DatabasePath),
        Options.Create(new ClusterOptions { ClusterId = clusterId }),
        Options.Create(new GatewayOptions { GatewayListRefreshPeriod = refresh ?? TimeSpan.FromMinutes(1) }));

    [Fact]
    public async Task GetGateways_ActiveSilosWithAGatewayPort_AreTheGatewaysOfTheirGeneration()
    {
        var table = new SqliteMembershipTable(new SqliteDatabase(DatabasePath), "c1", NullLogger<SqliteMembershipTable>.Instance);
        await table.InitializeMembershipTable(true);
        (SiloStatus Status, int Port, int ProxyPort, int Generation)[] silos =
        [
            (SiloStatus.Active, 11111, 30000, 5),
            (SiloStatus.Dead, 11111, 30000, 4),      // the same silo before its restart
            (SiloStatus.Active, 11112, 0, 6),        // no gateway
            (SiloStatus.Joining, 11113, 30003, 7),
            (SiloStatus.Active, 11114, 30004, 8),
        ];
        foreach (var (status, port, proxyPort, generation) in silos)
        {
            var entry = new MembershipEntry
            {
                SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation),
                Status = status,
                ProxyPort = proxyPort,
                HostName = "host",
                SiloName = "silo",
                StartTime = Now,
                IAmAliveTime = Now,
            };
            Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        }

        var provider = Provider("c1");
        await provider.InitializeGatewayListProvider();

        var gateways = await provider.GetGateways();

        Assert.Equal([new Uri("gwy.tcp://127.0.0.1:30000/5"), new Uri("gwy.tcp://127.0.0.1:30004/8")], gateways);
        Assert.Empty(await Provider("other-cluster").GetGateways());
    }

    [Fact]
    public void MaxStaleness_IsTheClientsGatewayListRefreshPeriod()
    {
        Assert.Equal(TimeSpan.FromSeconds(17), Provider("c1", TimeSpan.FromSeconds(17)).MaxStaleness);
    }

    [Fact]
    public async Task Coordinator_GivenTheSqlitePath_FindsTheSiloThroughTheMembershipTable()
    {
        // No gateway port is configured: the Coordinator can only find the silo (on a free port) in the table.
        var clusterId = "c-" + Guid.NewGuid().ToString("N")[..8];
        using var silo = await MembershipCoordinatorFactory.StartSiloAsync(clusterId, _directory, silo =>
        {
            silo.UseHyperTuneSqliteClustering(DatabasePath);
            silo.AddHyperTuneSqliteStorage(DatabasePath);
        });
        try
        {
            await using var coordinator = new MembershipCoordinatorFactory("HyperTune:Cluster:SqlitePath", DatabasePath, clusterId, "hypertune-tests");
            using var api = coordinator.CreateClient();

            var health = await api.GetAsync("/health");
            var studies = await api.GetAsync("/api/studies");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, studies.StatusCode);
            Assert.IsType<SqliteGatewayListProvider>(coordinator.Services.GetRequiredService<Orleans.Messaging.IGatewayListProvider>());
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
