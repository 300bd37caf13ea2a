using HyperTune.Testing;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// A cluster of real silo processes on loopback (silo-0 is the primary of development clustering) sharing one store
/// directory, plus an Orleans client in the test process. Silos can be killed and the whole cluster restarted on the
/// same store.
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
            ["HyperTune:Cluster:PrimarySiloPort"] = SiloPort(0).ToString(),
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
            Silos.Add(SiloProcess.Start($"silo-{i}", new Dictionary<string, string>(_configuration)
            {
                ["HyperTune:Cluster:SiloPort"] = SiloPort(i).ToString(),
                ["HyperTune:Cluster:GatewayPort"] = GatewayPort(i).ToString(),
            }));
        }

        var client = Host.CreateApplicationBuilder();
        // Only the primary's gateway: the silos the tests kill are never the client's way in.
        client.UseOrleansClient(orleans => orleans.UseLocalhostClustering([GatewayPort(0)], "process-test", "process-test"));
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

    private int SiloPort(int index) => _basePort + index;

    private int GatewayPort(int index) => _basePort + 100 + index;
}
