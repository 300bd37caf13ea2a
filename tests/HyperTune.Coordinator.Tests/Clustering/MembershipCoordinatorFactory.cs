using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace HyperTune.Coordinator.Tests.Clustering;

/// <summary>
/// The Coordinator with no gateway it could reach by port (port 1, where nothing listens): it finds the silos only in
/// the membership table that <paramref name="setting"/> names (<c>HyperTune:Cluster:SqlitePath</c> or
/// <c>PostgresConnectionString</c>).
/// </summary>
internal sealed class MembershipCoordinatorFactory(string setting, string value, string clusterId, string serviceId) : CoordinatorFactory([], clusterId, serviceId)
{
    /// <summary>A port nothing listens on now, for a silo's endpoints.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(setting, value);
        builder.UseSetting("HyperTune:Cluster:GatewayPort", "1");
    }
}
