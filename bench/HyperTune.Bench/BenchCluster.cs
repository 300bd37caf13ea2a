using System.Diagnostics;
using HyperTune.Abstractions.Serialization;
using HyperTune.Abstractions.Studies;
using HyperTune.Grains;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace HyperTune.Bench;

/// <summary>An in-process one-silo cluster for the benchmarks, and a way to run a study on it to its end.</summary>
internal static class BenchCluster
{
    /// <summary>Starts one silo with <paramref name="slots"/> training slots, checkpoints under <paramref name="directory"/>.</summary>
    public static async Task<InProcessTestCluster> StartAsync(int slots, string directory)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddHyperTune(training =>
        {
            training.Slots = slots;
            training.CheckpointDirectory = directory;
        }));
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddHyperTuneSerializers()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// Starts one silo on a store (<c>sqlite</c>: the file <c>hypertune.db</c> under <paramref name="directory"/>;
    /// <c>postgres</c>: <paramref name="connectionString"/>; <c>memory</c>) with one real slot and
    /// <paramref name="syntheticSlots"/> virtual ones.
    /// </summary>
    public static async Task<InProcessTestCluster> StartOnStoreAsync(string store, string directory, string? connectionString, int syntheticSlots)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            switch (store)
            {
                case "sqlite":
                    silo.AddHyperTuneSqliteStorage(SqlitePath(directory));
                    break;
                case "postgres":
                    silo.AddHyperTunePostgresStorage(connectionString!);
                    break;
                case "memory":
                    break;
                default:
                    throw new ArgumentException($"Unknown store '{store}'; use sqlite, postgres or memory.");
            }

            silo.AddHyperTune(training =>
            {
                training.Slots = 1;
                training.SyntheticSlots = syntheticSlots;
                training.CheckpointDirectory = Path.Combine(directory, "checkpoints");
            });
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddHyperTuneSerializers()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The SQLite file of <see cref="StartOnStoreAsync"/> under <paramref name="directory"/>.</summary>
    public static string SqlitePath(string directory) => Path.Combine(directory, "hypertune.db");

    /// <summary>Starts a study and waits (up to an hour) for its end.</summary>
    public static async Task<StudyRun> RunStudyAsync(IClusterClient client, string name, string spec)
    {
        var study = client.GetGrain<IStudyGrain>(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var ended = new StudyEndObserver();
        var reference = client.CreateObjectReference<IStudyObserver>(ended);
        await study.SubscribeAsync(reference);
        var started = Stopwatch.GetTimestamp();
        var result = await study.StartAsync(spec);
        if (!result.Accepted)
        {
            throw new InvalidOperationException("The benchmark spec was refused: " + result.Error + string.Join("; ", result.Problems));
        }

        await ended.Ended.Task.WaitAsync(TimeSpan.FromHours(1));
        var wall = Stopwatch.GetElapsedTime(started);
        await study.UnsubscribeAsync(reference);
        return new StudyRun(study.GetPrimaryKeyString(), wall, (await study.GetStatusAsync())!, await study.GetTrialsAsync(), await study.GetHistoryAsync());
    }
}
