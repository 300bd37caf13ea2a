using System.Diagnostics;
using System.Globalization;
using HyperTune.Search.Metrics;
using HyperTune.Search.Specs;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Configuration;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.Runtime;

namespace HyperTune.Bench;

/// <summary>
/// Training throughput of the engine (per-epoch reports, a checkpoint every 5 epochs to a local directory) against
/// a bare TorchSharp loop, on digits with the MLP 64-128-128-10, Adam, batch 64, 1 thread. Rounds alternate in ABBA
/// order after a full GC so that both see the same machine; the ratio of the medians is printed.
/// </summary>
internal static class TrainingThroughputBenchmark
{
    private const int BatchSize = 64;

    public static int Run(string[] args)
    {
        var rounds = BenchArguments.Int(args, "rounds", 10);
        var epochs = BenchArguments.Int(args, "epochs", 50);
        var checkpointEvery = BenchArguments.Int(args, "checkpoint-every", 5);
        TorchRuntime.EnsureInitialized(1);
        var data = DatasetCatalog.Default.GetOrLoad(new DatasetSpec { Kind = DatasetKinds.Digits });
        var samples = (double)data.Train.Count * epochs;
        var directory = Directory.CreateTempSubdirectory("hypertune-bench-").FullName;
        try
        {
            Console.WriteLine($"digits: {data.Train.Count} training samples, {epochs} epochs per round, {rounds} rounds, batch {BatchSize}, torch threads {TorchRuntime.Threads}, engine checkpoint every {checkpointEvery} epochs");
            EngineRound(data, 3, checkpointEvery, directory, "warmup");
            BareTorchLoop.Train(data, 3, BatchSize, 1);

            var engine = new List<double>();
            var bare = new List<double>();
            long checkpointBytes = 0;
            double engineAccuracy = 0, bareAccuracy = 0;
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first (ABBA) so that drift of the machine falls on both alike.
                var engineFirst = round % 2 == 0;
                for (var turn = 0; turn < 2; turn++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var started = Stopwatch.GetTimestamp();
                    if ((turn == 0) == engineFirst)
                    {
                        (engineAccuracy, checkpointBytes) = EngineRound(data, epochs, checkpointEvery, directory, "round" + round.ToString(CultureInfo.InvariantCulture));
                        engine.Add(samples / Stopwatch.GetElapsedTime(started).TotalSeconds);
                    }
                    else
                    {
                        bareAccuracy = BareTorchLoop.Train(data, epochs, BatchSize, round);
                        bare.Add(samples / Stopwatch.GetElapsedTime(started).TotalSeconds);
                    }
                }

                Console.WriteLine($"round {round + 1}: engine {engine[^1],9:F0} samples/s   bare {bare[^1],9:F0} samples/s   ratio {engine[^1] / bare[^1]:F3}");
            }

            Console.WriteLine($"engine median: {Median(engine):F0} samples/s (val accuracy {engineAccuracy:F3}, checkpoint {checkpointBytes / 1024.0:F0} KiB)");
            Console.WriteLine($"bare median:   {Median(bare):F0} samples/s (val accuracy {bareAccuracy:F3})");
            Console.WriteLine($"ratio engine/bare: {Median(engine) / Median(bare):F3} (median of the per-round ratios {Median(engine.Zip(bare, (e, b) => e / b).ToList()):F3}; target >= 0.97)");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (double Accuracy, long CheckpointBytes) EngineRound(PreparedDataset data, int epochs, int checkpointEvery, string directory, string runId)
    {
        var config = new TrainingConfig { LearningRate = 1e-3, Optimizer = OptimizerKind.Adam, HiddenUnits = [128, 128], BatchSize = BatchSize, Epochs = epochs, Seed = 1 };
        var options = new TrainingRunOptions { RunId = runId, CheckpointInterval = checkpointEvery, CheckpointStore = new LocalDirectoryCheckpointStore(directory) };
        var observer = new CountingObserver();
        using var run = new TrainingRun(config, data, options);
        var outcome = run.Run(observer);
        if (outcome.Status != TrainingStatus.Completed || observer.Reports != epochs)
        {
            throw new InvalidOperationException($"The engine run ended {outcome.Status} ({outcome.Reason}) after {observer.Reports} reports.");
        }

        return (outcome.FinalMetrics[MetricNames.ValidationAccuracy], observer.LastCheckpointBytes);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class CountingObserver : ITrainingObserver
    {
        public int Reports { get; private set; }

        public long LastCheckpointBytes { get; private set; }

        public void OnEpochCompleted(EpochReport report) => Reports++;

        public void OnCheckpointSaved(CheckpointSaved checkpoint) => LastCheckpointBytes = checkpoint.SizeBytes;
    }
}
