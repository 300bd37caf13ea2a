using HyperTune.Abstractions.Serialization;
using HyperTune.Grains.Training;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace HyperTune.Grains.Tests;

/// <summary>
/// A one-silo in-process cluster of a test's own, for tests that change the silo (its options or call filters), with
/// a temporary directory for checkpoints and test files; disposing it removes both.
/// </summary>
internal sealed class SingleSiloCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private SingleSiloCluster(InProcessTestCluster cluster, string directory) => (_cluster, Directory) = (cluster, directory);

    /// <summary>The temporary directory; checkpoints go to its <c>checkpoints</c> folder.</summary>
    public string Directory { get; }

    public IClusterClient Client => _cluster.Client;

    /// <summary>Starts the silo with HyperTune, its training options set by <paramref name="training"/>, then <paramref name="configure"/>.</summary>
    public static async Task<SingleSiloCluster> StartAsync(string name, Action<TrainingHostOptions>? training = null, Action<ISiloBuilder>? configure = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"hypertune-{name}-").FullName;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddHyperTune(options =>
            {
                options.CheckpointDirectory = Path.Combine(directory, "checkpoints");
                training?.Invoke(options);
            });
            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddHyperTuneSerializers()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new SingleSiloCluster(cluster, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
