using System.Diagnostics;
using System.Globalization;
using HyperTune.Abstractions.Serialization;
using HyperTune.Abstractions.Studies;
using HyperTune.Grains;
using HyperTune.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace HyperTune.Bench;

/// <summary>
/// Ray Tune's bookkeeping benchmark, scaled: a study of synthetic trials (they wait out their epochs and train nothing)
/// on virtual slots, on the SQLite or PostgreSQL store. The theoretical minimum is trials × epochs × seconds ÷ slots; the
/// overhead per trial is (wall − minimum) ÷ trials. With <c>--seconds 0</c> the study is pure overhead, and the
/// benchmark reports the results delivered per second and the study's memory per finished trial.
/// </summary>
internal static class BookkeepingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var trials = BenchArguments.Int(args, "trials", 10_000);
        var epochs = BenchArguments.Int(args, "epochs", 10);
        var seconds = double.Parse(BenchArguments.String(args, "seconds") ?? "0.1", CultureInfo.InvariantCulture);
        var slots = BenchArguments.Int(args, "slots", 16);
        var store = BenchArguments.String(args, "store") ?? "sqlite";
        var directory = Directory.CreateTempSubdirectory("hypertune-bookkeeping-").FullName;
        PostgresServer? server = null;
        try
        {
            string? connectionString = null;
            if (store == "postgres")
            {
                connectionString = BenchArguments.String(args, "postgres");
                if (connectionString is null)
                {
                    server = new PostgresServer();
                    await server.InitializeAsync();
                    connectionString = await server.CreateDatabaseAsync("bookkeeping");
                }
            }

            var cluster = await BenchCluster.StartOnStoreAsync(store, directory, connectionString, slots);
            try
            {
                // A first study of two short trials on the fresh silo: its creation pays the code's first use, which a
                // cluster pays once; the measured study is the second.
                var warmUp = await RunStudyAsync(cluster.Client, 2, 1, 0, slots);
                var result = await RunStudyAsync(cluster.Client, trials, epochs, seconds, slots);
                Report(store, trials, epochs, seconds, slots, result, warmUp.StartAnswered);
            }
            finally
            {
                await cluster.DisposeAsync();
            }

            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<BookkeepingResult> RunStudyAsync(IClusterClient client, int trials, int epochs, double seconds, int slots)
    {
        var spec = string.Create(CultureInfo.InvariantCulture, $$"""
            { "name": "bookkeeping",
              "trainable": {"kind": "synthetic", "seconds_per_epoch": {{seconds}}},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 4e-3} },
              "searcher": {"kind": "random"},
              "budget": {"max_trials": {{trials}}, "max_concurrent_trials": {{slots}}, "max_epochs_per_trial": {{epochs}}},
              "checkpoint_interval": 0, "seed": 1 }
            """);
        var study = client.GetGrain<IStudyGrain>("bookkeeping-" + Guid.NewGuid().ToString("N")[..8]);
        var ended = new StudyEndObserver();
        var reference = client.CreateObjectReference<IStudyObserver>(ended);
        await study.SubscribeAsync(reference);
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var result = await study.StartAsync(spec);
        var startAnswered = Stopwatch.GetElapsedTime(started);
        if (!result.Accepted)
        {
            throw new InvalidOperationException("The benchmark spec was refused: " + result.Error + string.Join("; ", result.Problems));
        }

        using var renew = new PeriodicTimer(TimeSpan.FromMinutes(1));
        var renewing = Task.Run(async () =>
        {
            while (await renew.WaitForNextTickAsync() && !ended.Ended.Task.IsCompleted)
            {
                await study.SubscribeAsync(reference);
            }
        });
        await ended.Ended.Task.WaitAsync(TimeSpan.FromHours(3));
        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var statusTimer = Stopwatch.StartNew();
        var status = (await study.GetStatusAsync())!;
        var statusTime = statusTimer.Elapsed;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        await study.UnsubscribeAsync(reference);
        renew.Dispose();
        long epochsTrained = 0;
        for (var offset = 0; ; offset += TrialPageQuery.MaxLimit)
        {
            var page = await study.GetTrialPageAsync(new TrialPageQuery(offset, TrialPageQuery.MaxLimit, []));
            epochsTrained += page.Trials.Sum(t => (long)t.Epoch);
            if (page.Trials.Length < TrialPageQuery.MaxLimit)
            {
                break;
            }
        }

        return new BookkeepingResult(wall, cpu, startAnswered, statusTime, status, memoryAfter - memoryBefore, epochsTrained);
    }

    private static void Report(string store, int trials, int epochs, double seconds, int slots, BookkeepingResult result, TimeSpan coldStart)
    {
        // Trials that diverge end early: the minimum counts the epochs trained.
        var minimum = TimeSpan.FromSeconds(result.EpochsTrained * seconds / slots);
        var overhead = (result.Wall - minimum).TotalMilliseconds / trials;
        var finished = result.Status.TrialCounts.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            bookkeeping on {store}: {trials:N0} synthetic trials × {epochs} epochs × {seconds} s on {slots} virtual slots (one silo, in process)
              state {result.Status.State}, {finished:N0} trials finished ({string.Join(", ", result.Status.TrialCounts.Select(c => $"{c.Key} {c.Value:N0}"))})
              wall {result.Wall.TotalSeconds:F1} s, theoretical minimum {minimum.TotalSeconds:F1} s, ratio {result.Wall / minimum:F3}
              overhead per trial {overhead:F2} ms (Ray Tune's published figure: about 9 ms)
              {result.EpochsTrained:N0} epochs, results delivered {result.EpochsTrained / result.Wall.TotalSeconds:N0}/s; process CPU {result.Cpu.TotalSeconds:F1} s ({result.Cpu.TotalMilliseconds / trials:F2} ms per trial)
              StartAsync answered in {result.StartAnswered.TotalMilliseconds:F0} ms (max_trials {trials:N0}; the silo's first study, 2 trials: {coldStart.TotalMilliseconds:F0} ms); GetStatusAsync after the end {result.Status.TrialsStarted:N0} trials: {result.StatusTime.TotalMilliseconds:F1} ms
              managed memory kept after the study (GC heap growth): {result.MemoryGrowth / 1024.0 / 1024:F1} MiB, {result.MemoryGrowth / (double)trials / 1024:F2} KiB per trial
            """));
    }

    private sealed record BookkeepingResult(TimeSpan Wall, TimeSpan Cpu, TimeSpan StartAnswered, TimeSpan StatusTime, StudySnapshot Status, long MemoryGrowth, long EpochsTrained);
}
