using System.Net;
using HyperTune.Grains;
using HyperTune.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace HyperTune.Coordinator.Tests.Clustering;

/// <summary>
/// The Coordinator on several machines: given the PostgreSQL database the silos share, it finds their gateways in the
/// membership table kept there, and reads them again often, so a silo the cluster declared dead is dropped.
/// </summary>
public sealed class PostgresGatewayDiscoveryTests : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-pg-gateways-").FullName;

    public Task InitializeAsync() => _server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Coordinator_GivenThePostgresConnectionString_FindsTheSiloThroughTheMembershipTable()
    {
        var connectionString = await _server.CreateDatabaseAsync("gateways");
        var clusterId = "c-" + Guid.NewGuid().ToString("N")[..8];
        using var silo = await MembershipCoordinatorFactory.StartSiloAsync(clusterId, _directory, silo =>
        {
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (HyperTuneSiloBuilderExtensions.PostgresInvariant, connectionString));
            silo.AddHyperTunePostgresStorage(connectionString);
        });
        try
        {
            // No gateway port is configured: the Coordinator can only find the silo (on a free port) in the table.
            await using var coordinator = new MembershipCoordinatorFactory("HyperTune:Cluster:PostgresConnectionString", connectionString, clusterId, "hypertune-tests");
            using var api = coordinator.CreateClient();

            var health = await api.GetAsync("/health");
            var studies = await api.GetAsync("/api/studies");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, studies.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), coordinator.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
