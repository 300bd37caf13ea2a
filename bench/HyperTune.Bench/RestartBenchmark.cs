using System.Diagnostics;
using System.Globalization;
using HyperTune.Abstractions.Serialization;
using HyperTune.Abstractions.Studies;
using HyperTune.Grains.Studies.Persistence;
using HyperTune.Storage.Postgres;
using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Studies;
using HyperTune.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace HyperTune.Bench;

/// <summary>
/// A study's cost as it grows, and its restart. For each size, a whole study (random search, ASHA, <c>--epochs</c>
/// epochs) is played through the study core alone (<see cref="StudyCoreDriver"/>) and its changes are written to the
/// store in waves, as the grain's batched flush writes them: the core's and the store's cost per trial and the memory the
/// core keeps per trial show whether they grow with the study. Then one silo starts on that store, cold, and the study is
/// asked for its status: the time to that first answer is the restart (read back, decode, rebuild the ledger and the
/// search state). Last, the best ten trials and a warm status, as the API asks them.
/// </summary>
internal static class RestartBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (BenchArguments.String(args, "sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var epochs = BenchArguments.Int(args, "epochs", 10);
        var store = BenchArguments.String(args, "store") ?? "sqlite";
        using var services = new ServiceCollection().AddSerializer(serializer => serializer.AddHyperTuneSerializers()).BuildServiceProvider();
        var codec = new StudyRecordCodec(services.GetRequiredService<Serializer>());
        PostgresServer? server = null;
        Console.WriteLine($"study core and restart on {store}: random search + ASHA, {epochs} epochs per trial, 16 at a time; sizes {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}");
        try
        {
            if (store == "postgres")
            {
                server = new PostgresServer();
                await server.InitializeAsync();
            }

            var results = new List<RestartResult>();
            foreach (var size in sizes)
            {
                var directory = Directory.CreateTempSubdirectory("hypertune-restart-").FullName;
                try
                {
                    var connectionString = server is null ? null : await server.CreateDatabaseAsync("restart" + size.ToString(CultureInfo.InvariantCulture));
                    var result = await MeasureAsync(size, epochs, store, directory, connectionString, codec);
                    results.Add(result);
                    Console.WriteLine(Text($"""
                          {size,9:N0} trials: core {result.CoreMicrosPerTrial,6:F1} µs/trial, store writes {result.WriteMicrosPerTrial,6:F1} µs/trial ({result.Writes:N0} writes), core memory {result.BytesPerTrial / 1024.0,5:F2} KiB/trial
                                           restart: silo up {result.SiloUp.TotalSeconds:F2} s, first status {result.FirstStatus.TotalMilliseconds:F0} ms ({result.Finished:N0} trials, {result.State}), best 10 {result.BestTen.TotalMilliseconds:F1} ms, warm status median {result.WarmStatus.TotalMilliseconds:F2} ms
                        """));
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(directory, recursive: true);
                }
            }

            if (results.Count > 1)
            {
                var (small, large) = (results[0], results[^1]);
                Console.WriteLine(Text($"""
                      {large.Trials:N0} against {small.Trials:N0} trials: core per trial ×{large.CoreMicrosPerTrial / small.CoreMicrosPerTrial:F2}, store writes per trial ×{large.WriteMicrosPerTrial / small.WriteMicrosPerTrial:F2}, memory per trial ×{large.BytesPerTrial / small.BytesPerTrial:F2}
                    """));
            }

            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<RestartResult> MeasureAsync(int trials, int epochs, string store, string directory, string? connectionString, StudyRecordCodec codec)
    {
        var studyId = "restart-" + trials.ToString(CultureInfo.InvariantCulture);
        IStudyStore studies = store switch
        {
            "sqlite" => new SqliteStudyStore(new SqliteDatabase(BenchCluster.SqlitePath(directory))),
            "postgres" => new PostgresStudyStore(new PostgresDatabase(connectionString!)),
            _ => throw new ArgumentException($"Unknown store '{store}'; use sqlite or postgres."),
        };

        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var driver = new StudyCoreDriver(studyId, trials, epochs, concurrency: 16);
        long version = 0;
        var writes = 0;
        var writing = new Stopwatch();
        var total = Stopwatch.StartNew();
        await driver.RunAsync(async changes =>
        {
            writing.Start();
            version = await studies.WriteAsync(studyId, codec.Encode(changes), version);
            writing.Stop();
            writes++;
        });
        total.Stop();
        var memory = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        GC.KeepAlive(driver);
        if (driver.Core.State != StudyState.Completed)
        {
            throw new InvalidOperationException($"The driven study ended {driver.Core.State}.");
        }

        var up = Stopwatch.StartNew();
        var cluster = await BenchCluster.StartOnStoreAsync(store, directory, connectionString, syntheticSlots: 16);
        try
        {
            up.Stop();
            var study = cluster.Client.GetGrain<IStudyGrain>(studyId);
            var first = Stopwatch.StartNew();
            var status = await study.GetStatusAsync() ?? throw new InvalidOperationException("The study was not read back.");
            first.Stop();
            var best = Stopwatch.StartNew();
            var page = await study.GetTrialPageAsync(new TrialPageQuery(0, 10, [], TrialSortKey.Objective));
            best.Stop();
            if (page.Trials.Length != 10)
            {
                throw new InvalidOperationException($"The best-ten page holds {page.Trials.Length} trials.");
            }

            var warm = new List<TimeSpan>();
            for (var i = 0; i < 51; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await study.GetStatusAsync();
                warm.Add(Stopwatch.GetElapsedTime(started));
            }

            warm.Sort();
            var coreMicros = (total.Elapsed - writing.Elapsed).TotalMicroseconds / trials;
            return new RestartResult(
                trials, coreMicros, writing.Elapsed.TotalMicroseconds / trials, writes, memory / (double)trials,
                up.Elapsed, first.Elapsed, status.TrialCounts.Values.Sum(), status.State, best.Elapsed, warm[warm.Count / 2]);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record RestartResult(
        int Trials, double CoreMicrosPerTrial, double WriteMicrosPerTrial, int Writes, double BytesPerTrial,
        TimeSpan SiloUp, TimeSpan FirstStatus, int Finished, StudyState State, TimeSpan BestTen, TimeSpan WarmStatus);
}
