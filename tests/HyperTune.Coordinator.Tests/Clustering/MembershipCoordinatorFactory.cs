using System.Net;
using System.Net.Sockets;
using HyperTune.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

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

    /// <summary>
    /// Starts one silo of <paramref name="clusterId"/> on free loopback ports, its membership and storage chosen by
    /// <paramref name="store"/>, with one training slot and checkpoints under <paramref name="directory"/>.
    /// </summary>
    public static async Task<IHost> StartSiloAsync(string clusterId, string directory, Action<ISiloBuilder> store)
    {
        var siloHost = Host.CreateApplicationBuilder();
        siloHost.Logging.ClearProviders();
        siloHost.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "hypertune-tests"));
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            store(silo);
            silo.AddHyperTune(training => (training.Slots, training.CheckpointDirectory) = (1, Path.Combine(directory, "checkpoints")));
        });
        var host = siloHost.Build();
        await host.StartAsync();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(setting, value);
        builder.UseSetting("HyperTune:Cluster:GatewayPort", "1");
    }
}
