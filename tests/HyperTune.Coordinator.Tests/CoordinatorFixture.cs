using HyperTune.Abstractions.Cluster;
using HyperTune.Grains;
using HyperTune.Storage.History;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace HyperTune.Coordinator.Tests;

/// <summary>
/// Two in-process silos with the real grains and two training slots each, and the real Coordinator connected to their
/// gateways over TCP; shared by every test of the <c>coordinator</c> collection (and, extended, of the dashboard's).
/// </summary>
public class CoordinatorFixture : IAsyncLifetime
{
    /// <summary>Silos in the cluster.</summary>
    public const int Silos = 2;

    /// <summary>Training slots per silo.</summary>
    public const int SlotsPerSilo = 2;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-coordinator-").FullName;
    private readonly InMemoryTrialHistoryStore _history = new();
    private CoordinatorFactory? _factory;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The calls the silos served that tests wait for.</summary>
    internal GrainCallWatcher Calls { get; } = new();

    /// <summary>A client of the Coordinator's API.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The Coordinator's services.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>The silos' data directory (<c>HyperTune:Training:DataDirectory</c>): csv files of the tests go here.</summary>
    public string DataDirectory => Path.Combine(_directory, "data");


    /// <summary>The Coordinator under test; the dashboard's tests serve it over Kestrel with extra services.</summary>
    private protected virtual CoordinatorFactory CreateFactory(int[] gatewayPorts, string clusterId, string serviceId) =>
        new(gatewayPorts, clusterId, serviceId);

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.Options.InitializeClientOnDeploy = false; // the Coordinator is the cluster's client
        builder.ConfigureSiloHost((_, host) => SocketTransport.Use(host));
        // One history store for the cluster, as its shared database is: a trial restarted on the other silo reads its
        // epochs back from it.
        builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton<ITrialHistoryStore>(_history));
        builder.ConfigureSilo((options, silo) => silo
            .AddHyperTune(training =>
            {
                training.Slots = SlotsPerSilo;
                // One checkpoint store for the cluster, as its shared database is: a fork or a recovered trial on the other
                // silo finds the checkpoints it continues from.
                training.CheckpointDirectory = Path.Combine(_directory, "checkpoints");
                training.DataDirectory = DataDirectory;
            })
            .AddIncomingGrainCallFilter(Calls.OnIncomingCallAsync));
        Cluster = builder.Build();
        await Cluster.DeployAsync().WaitAsync(StartTimeout);

        var gateways = Cluster.Silos.Select(s => s.GatewayAddress!.Endpoint.Port).ToArray();
        _factory = CreateFactory(gateways, Cluster.Options.ClusterId, Cluster.Options.ServiceId);
        Api = _factory.CreateClient();
        await Calls.WaitUntilAsync(calls => calls.Where(c => c.Method == nameof(ISlotDirectoryGrain.RegisterSiloAsync))
            .Select(c => c.Arguments[1]).Distinct().Count() == Silos);
    }

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
