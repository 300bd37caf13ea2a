using HyperTune.Testing;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// A cluster of real silo processes on loopback sharing one store directory (which holds the cluster's membership
/// too: no silo is primary), plus an Orleans client in the test process that knows every silo's gateway. Silos can be
/// killed and started again one by one, and the whole cluster restarted on the same store.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly int _basePort;
    private readonly Dictionary<string, string> _configuration;
    private IHost? _client;

    /// <summary>Prepares (does not start) a cluster of <paramref name="silos"/> silos.</summary>
    public ProcessCluster(int silos, int basePort, string directory, IReadOnlyDictionary<string, string> configuration)
    {
        (SiloCount, _basePort, Directory) = (silos, basePort, directory);
        _configuration = new(configuration)
        {
            ["HyperTune:Cluster:ClusterId"] = "process-test",
            ["HyperTune:Cluster:ServiceId"] = "process-test",
            ["HyperTune:Training:CheckpointDirectory"] = Path.Combine(directory, "checkpoints"),
        };
    }

    /// <summary>The number of silos.</summary>
    public int SiloCount { get; }

    /// <summary>The directory holding the store.</summary>
    public string Directory { get; }

    /// <summary>The running silo processes, by index.</summary>
    public List<SiloProcess> Silos { get; } = [];

    /// <summary>The client; valid after <see cref="StartAsync"/>.</summary>
    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>Everything the silos wrote lately, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, Silos.Select(s => $"--- {s.Name} ---{Environment.NewLine}{s.RecentOutput}"));

    /// <summary>Starts every silo and the client, and waits until every silo offers its training slots.</summary>
    public async Task StartAsync()
    {
        for (var i = 0; i < SiloCount; i++)
        {
            Silos.Add(StartSilo(i));
        }

        var client = Host.CreateApplicationBuilder();
        // Every silo's gateway: when one dies the client goes through the others.
        client.UseOrleansClient(orleans => orleans.UseLocalhostClustering([.. Enumerable.Range(0, SiloCount).Select(GatewayPort)], "process-test", "process-test"));
        client.Services.AddSerializer(serializer => serializer.AddHyperTuneSerializers());
        _client = client.Build();
        await Eventually.HoldsAsync(async () =>
        {
            await _client.StartAsync();
            return true;
        }, "the client connects", TimeSpan.FromMinutes(2), () => Output);
        await Eventually.HoldsAsync(
            async () => (await Client.GetGrain<ISlotDirectoryGrain>(0).GetClusterAsync()).Silos.Length == SiloCount,
            $"all {SiloCount} silos offer their slots", TimeSpan.FromMinutes(2), () => Output);
    }

    /// <summary>
    /// Starts silo <paramref name="index"/> again, alone, with its name and ports (a new generation of it), after its
    /// process has died; returns without waiting for it to join.
    /// </summary>
    public SiloProcess RestartSilo(int index)
    {
        if (Silos[index].IsRunning)
        {
            throw new InvalidOperationException($"{Silos[index].Name} is still running.");
        }

        Silos[index].Dispose();
        return Silos[index] = StartSilo(index);
    }

    /// <summary>The silo-to-silo port of silo <paramref name="index"/>.</summary>
    public int SiloPort(int index) => _basePort + index;

    /// <summary>The gateway port of silo <paramref name="index"/>.</summary>
    public int GatewayPort(int index) => _basePort + 100 + index;

    /// <summary>Kills every silo and stops the client (the store stays).</summary>
    public async Task KillAllAsync()
    {
        // All at once: a silo that outlived the others for a moment could end trials the test counts as interrupted.
        foreach (var silo in Silos)
        {
            silo.Signal();
        }

        foreach (var silo in Silos)
        {
            silo.Dispose();
        }

        Silos.Clear();
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5));
            _client.Dispose();
            _client = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await KillAllAsync();

    private SiloProcess StartSilo(int index) => SiloProcess.Start($"silo-{index}", new Dictionary<string, string>(_configuration)
    {
        ["HyperTune:Cluster:SiloPort"] = SiloPort(index).ToString(),
        ["HyperTune:Cluster:GatewayPort"] = GatewayPort(index).ToString(),
    });
}
