using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HyperTune.Coordinator.Tests;

/// <summary>
/// The real Coordinator, its Orleans client pointed at the test cluster through configuration only
/// (<c>HyperTune:Cluster:GatewayPorts</c>, <c>ClusterId</c>, <c>ServiceId</c>), as an operator would.
/// </summary>
internal class CoordinatorFactory(IReadOnlyList<int> gatewayPorts, string clusterId, string serviceId) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches the app's configuration before Program reads it (unlike ConfigureAppConfiguration).
        builder.UseSetting("HyperTune:Cluster:ClusterId", clusterId);
        builder.UseSetting("HyperTune:Cluster:ServiceId", serviceId);
        builder.UseSetting("HyperTune:Cluster:ConnectTimeout", "00:00:20");
        for (var i = 0; i < gatewayPorts.Count; i++)
        {
            builder.UseSetting($"HyperTune:Cluster:GatewayPorts:{i}", gatewayPorts[i].ToString(CultureInfo.InvariantCulture));
        }
    }
}
