using System.Net;
using System.Net.Sockets;
using HyperTune.Grains.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Tests.Persistence;

/// <summary>
/// A real silo host (not the testing host), so storage and clustering are exactly what a silo process configures;
/// stopping it and starting another on the same store is a full restart of a one-silo cluster.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a silo with HyperTune's grains; <paramref name="configure"/> adds storage and clustering.</summary>
    public static async Task<TestSilo> StartAsync(string directory, Action<ISiloBuilder, int, int> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            configure(silo, FreePort(), FreePort());
            silo.AddHyperTune(training =>
            {
                training.Slots = 1;
                training.CheckpointDirectory = Path.Combine(directory, "checkpoints");
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
