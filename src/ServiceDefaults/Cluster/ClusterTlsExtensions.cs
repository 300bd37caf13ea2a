using HyperTune.ServiceDefaults.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Hosting;

/// <summary>Turns on the cluster's TLS (<see cref="ClusterTlsOptions"/>, <c>HyperTune:Cluster:Tls</c>) for a silo or a client.</summary>
public static class ClusterTlsExtensions
{
    /// <summary>TLS on the silo's silo-to-silo and gateway connections, when configured; nothing otherwise.</summary>
    public static ISiloBuilder UseHyperTuneTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (ClusterTls.Read(configuration) is not { } tls)
        {
            return silo;
        }

        silo.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ClusterTlsStartupLog>(sp, tls));
        return silo.UseTls(tls.Certificate, tls.Configure);
    }

    /// <summary>TLS on the client's gateway connections, when configured; nothing otherwise.</summary>
    public static IClientBuilder UseHyperTuneTls(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (ClusterTls.Read(configuration) is not { } tls)
        {
            return client;
        }

        client.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ClusterTlsStartupLog>(sp, tls));
        return client.UseTls(tls.Certificate, tls.Configure);
    }
}
