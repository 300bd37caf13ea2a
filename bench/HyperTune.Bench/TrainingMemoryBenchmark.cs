using System.Diagnostics;
using HyperTune.Search.Specs;
using HyperTune.Training.Configuration;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.Runtime;

namespace HyperTune.Bench;

/// <summary>
/// Shows that a long run keeps a flat resident set: a 500-epoch run on digits prints the process RSS every 50 epochs
/// and the growth from epoch 50 (after warm-up) to the end.
/// </summary>
internal static class TrainingMemoryBenchmark
{
    public static int Run(string[] args)
    {
        var epochs = BenchArguments.Int(args, "epochs", 500);
        TorchRuntime.EnsureInitialized(1);
        var data = DatasetCatalog.Default.GetOrLoad(new DatasetSpec { Kind = DatasetKinds.Digits });
        var config = new TrainingConfig { HiddenUnits = [128, 128], Dropout = 0.1, BatchNorm = true, Epochs = epochs, Seed = 1 };
        var observer = new RssObserver();
        using var run = new TrainingRun(config, data);
        var outcome = run.Run(observer);
        var growth = observer.Last - observer.AtEpoch50;
        Console.WriteLine($"{outcome.Status} after {outcome.EpochsCompleted} epochs; RSS at epoch 50 {observer.AtEpoch50 / 1048576.0:F1} MiB, at the end {observer.Last / 1048576.0:F1} MiB, growth {growth / 1048576.0:F1} MiB");
        return 0;
    }

    private sealed class RssObserver : ITrainingObserver
    {
        public long AtEpoch50 { get; private set; }

        public long Last { get; private set; }

        public void OnEpochCompleted(EpochReport report)
        {
            if (report.Epoch % 50 != 0)
            {
                return;
            }

            using var process = Process.GetCurrentProcess();
            Last = process.WorkingSet64;
            if (report.Epoch == 50)
            {
                AtEpoch50 = Last;
            }

            Console.WriteLine($"epoch {report.Epoch,4}: RSS {Last / 1048576.0:F1} MiB");
        }
    }
}
