using HyperTune.ServiceDefaults.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperTune.ServiceDefaults.Cluster;

/// <summary>Says at start which certificate the process presents and until when, so an expiry is seen before it bites.</summary>
internal sealed class ClusterTlsStartupLog(ClusterTls tls, ILogger<ClusterTlsStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.ClusterTlsEnabled(logger, tls.Certificate.Subject, tls.Certificate.Thumbprint, tls.Certificate.NotAfter.ToUniversalTime(), tls.Trusted.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
