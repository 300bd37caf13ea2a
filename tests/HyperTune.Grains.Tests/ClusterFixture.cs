using HyperTune.Abstractions.Serialization;
using HyperTune.Storage.History;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace HyperTune.Grains.Tests;

/// <summary>Two in-process silos with two training slots each, real TorchSharp, shared by every cluster test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Training slots per silo.</summary>
    public const int SlotsPerSilo = 2;

    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-cluster-").FullName;
    private readonly InMemoryTrialHistoryStore _history = new();

    /// <summary>The checkpoint directory every silo shares (as silos on one machine do), so a trial can move.</summary>
    public string CheckpointDirectory => Path.Combine(_directory, "checkpoints");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        // One history store for the cluster, as its shared database is: a trial restarted on the other silo reads its
        // epochs back from it.
        builder.ConfigureSilo((options, silo) => silo.Services.AddSingleton<ITrialHistoryStore>(_history));
        builder.ConfigureSilo((options, silo) => silo.AddHyperTune(training =>
        {
            training.Slots = SlotsPerSilo;
            training.CheckpointDirectory = CheckpointDirectory;
        }));
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddHyperTuneSerializers()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
