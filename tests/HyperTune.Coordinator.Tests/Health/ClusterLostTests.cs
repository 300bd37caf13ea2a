using System.Net;
using HyperTune.Grains;
using HyperTune.Testing;
using Orleans.TestingHost;

namespace HyperTune.Coordinator.Tests.Health;

/// <summary>
/// A Coordinator whose one silo is gone: <c>/health</c> says Unhealthy, and the API's 503 says which part is
/// unreachable without anything of the exception. A cluster of its own, since it is stopped.
/// </summary>
public sealed class ClusterLostTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-lost-").FullName;
    private InProcessTestCluster _cluster = null!;
    private CoordinatorFactory _coordinator = null!;
    private HttpClient _api = null!;
    private int _gateway;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSiloHost((_, host) => SocketTransport.Use(host));
        builder.ConfigureSilo((options, silo) => silo.AddHyperTune(training =>
        {
            training.Slots = 1;
            training.CheckpointDirectory = Path.Combine(_directory, options.SiloName);
        }));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _gateway = _cluster.Silos[0].GatewayAddress!.Endpoint.Port;
        _coordinator = new CoordinatorFactory([_gateway], _cluster.Options.ClusterId, _cluster.Options.ServiceId);
        _api = _coordinator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _coordinator.DisposeAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Health_SiloGone_IsUnhealthyAndRevealsNothing()
    {
        using (var before = await _api.GetAsync("/health"))
        {
            Assert.Equal("Healthy", await before.Content.ReadAsStringAsync());
        }

        await _cluster.KillSiloAsync(_cluster.Silos[0]);

        // The last probe's answer stands for HealthProbeInterval (2 s), and the client notices a lost gateway in its time.
        string? body = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var after = await _api.GetAsync("/health");
            body = await after.Content.ReadAsStringAsync();
            return after.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, "/health says the cluster is gone", TimeSpan.FromSeconds(30));
        Assert.Equal("Unhealthy", body);
    }

    [Fact]
    public async Task ListStudies_SiloGone_Is503NamingTheGatewayWithoutInternals()
    {
        await _cluster.KillSiloAsync(_cluster.Silos[0]);

        using var response = await _api.GetAsync("/api/studies");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "Check that its silos are running");
        var body = problem.ToString();
        Assert.Contains($"no silo answers on the gateway {_gateway}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at Orleans.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
    }
}
