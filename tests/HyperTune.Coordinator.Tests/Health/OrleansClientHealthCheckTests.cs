using System.Net;
using HyperTune.Coordinator.Health;
using HyperTune.Coordinator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Coordinator.Tests.Health;

[Collection(CoordinatorCollection.Name)]
public sealed class OrleansClientHealthCheckTests(CoordinatorFixture fixture)
{
    [Fact]
    public async Task Health_ClientConnected_IsHealthy()
    {
        var response = await fixture.Api.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alive_ProcessAnswers_IsHealthy()
    {
        var response = await fixture.Api.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CheckHealth_GatewaysConnectedAndTheClusterAnswers_IsHealthy()
    {
        var (check, ping) = Check(connectedGateways: 2);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(1, ping.Calls);
    }

    [Fact]
    public async Task CheckHealth_GatewaysConnectedButCallsFail_IsUnhealthySayingWhatWithoutTheException()
    {
        var (check, ping) = Check(connectedGateways: 2);
        ping.Answer = () => Task.FromException<int>(new SiloUnavailableException("Silo S10.0.0.7:11111 at /srv/hypertune is gone"));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("A silo it needed does not answer.", result.Description);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task CheckHealth_GatewaysConnectedButNoAnswer_IsUnhealthyAfterTheProbeTimeout()
    {
        var time = new FakeTimeProvider();
        var (check, ping) = Check(connectedGateways: 2, time);
        ping.Answer = () => new TaskCompletionSource<int>().Task;

        var checking = check.CheckHealthAsync(new HealthCheckContext());
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await checking;

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The cluster did not answer in time.", result.Description);
    }

    [Fact]
    public async Task CheckHealth_NoGatewayConnected_IsUnhealthyNamingThePortsWithoutACall()
    {
        var (check, ping) = Check(connectedGateways: 0);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("No silo answers on the gateways 30000–30001.", result.Description);
        Assert.Equal(0, ping.Calls);
    }

    private static (OrleansClientHealthCheck Check, FakeClusterPing Ping) Check(int connectedGateways, TimeProvider? time = null)
    {
        var options = Options.Create(new CoordinatorClusterOptions { GatewayPorts = [30000, 30001] });
        var monitor = new ClusterConnectionMonitor();
        monitor.NotifyGatewayCountChanged(connectedGateways, 0, connectionRecovered: false);
        var ping = new FakeClusterPing();
        var probe = new ClusterProbe(ping, options, time ?? new FakeTimeProvider());
        return (new OrleansClientHealthCheck(monitor, probe, new ClusterDescription(options, new ConfigurationBuilder().Build())), ping);
    }
}
