using System.Globalization;
using HyperTune.Abstractions.Studies;

namespace HyperTune.Bench;

/// <summary>
/// Orchestration overhead: a study of 40 trials × 10 epochs (digits, MLP 64-128-128-10) on one silo with 2 training
/// slots. Its wall time is compared with the ideal — the sum of the trials' training times (the engine's time per
/// trial: model, epochs, evaluation) divided by the slots — and the excess printed in %.
/// </summary>
internal static class OrchestrationOverheadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var trials = BenchArguments.Int(args, "trials", 40);
        var epochs = BenchArguments.Int(args, "epochs", 10);
        var slots = BenchArguments.Int(args, "slots", 2);
        var directory = Directory.CreateTempSubdirectory("hypertune-orchestration-").FullName;
        await using var cluster = await BenchCluster.StartAsync(slots, directory);
        try
        {
            await RunStudyAsync(cluster.Client, "warmup", 2, 2, slots);
            var (studyId, wall, history) = await RunStudyAsync(cluster.Client, "bench", trials, epochs, slots);
            var snapshots = (await cluster.Client.GetGrain<IStudyGrain>(studyId).GetTrialsAsync()).ToDictionary(t => t.TrialId);
            var training = snapshots.Values.Sum(t => t.TrainingSeconds);
            var epochTime = history.Trials.Sum(t => t.Epochs.Sum(e => e.DurationSeconds));
            var startup = history.Trials.Average(t => (t.Epochs[0].ReportedAt - snapshots[t.TrialId].StartedAt!.Value).TotalMilliseconds - (t.Epochs[0].DurationSeconds * 1000));
            var teardown = history.Trials.Average(t => (snapshots[t.TrialId].EndedAt!.Value - t.Epochs[^1].ReportedAt).TotalMilliseconds);
            var inTrial = snapshots.Values.Sum(t => (t.EndedAt!.Value - t.StartedAt!.Value).TotalSeconds);
            var ordered = snapshots.Values.OrderBy(t => t.StartedAt).ToArray();
            var gaps = ordered.Skip(slots).Select(t => (t.StartedAt!.Value - ordered.Where(o => o.EndedAt <= t.StartedAt).Max(o => o.EndedAt!.Value)).TotalMilliseconds).ToArray();
            var ends = ordered.Select(t => t.EndedAt!.Value).Order().ToArray();
            var tail = (ends[^1] - ends[^slots]).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"between trials: a freed slot takes {gaps.Average():F1} ms (median {gaps.Order().ElementAt(gaps.Length / 2):F1}) to start the next trial; the last trial ends {tail:F0} ms after the other slots went idle"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per trial: start to first epoch {startup:F1} ms beyond its training, last epoch to end {teardown:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per trial: {(inTrial - training) / snapshots.Count * 1000:F1} ms in the trial grain beyond training; slots idle between trials {((wall.TotalSeconds * slots) - inTrial) / snapshots.Count * 1000:F1} ms per trial"));
            var ideal = training / slots;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{history.Trials.Length} trials × {epochs} epochs on {slots} slots"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"study wall time:            {wall.TotalSeconds:F3} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sum of training / slots:    {ideal:F3} s (of which epochs {epochTime / slots:F3} s; the rest is building models)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"orchestration overhead:     {((wall.TotalSeconds / ideal) - 1) * 100:F1} % against the sum / slots (target <= 3 %)"));
            var scheduled = ZeroOverheadMakespan(ordered.Select(t => t.TrainingSeconds), slots);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zero-overhead schedule of the same trials in the same order: {scheduled:F3} s; overhead against it {((wall.TotalSeconds / scheduled) - 1) * 100:F1} %"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The wall time the same trials, started in the same order, would take on <paramref name="slots"/> slots if
    /// starting and finishing them cost nothing: the baseline that leaves out the unavoidable tail when the last
    /// trial runs alone.
    /// </summary>
    private static double ZeroOverheadMakespan(IEnumerable<double> trainingSeconds, int slots)
    {
        var free = new double[slots];
        foreach (var seconds in trainingSeconds)
        {
            var slot = Array.IndexOf(free, free.Min());
            free[slot] += seconds;
        }

        return free.Max();
    }

    private static async Task<(string StudyId, TimeSpan Wall, StudyHistory History)> RunStudyAsync(IClusterClient client, string name, int trials, int epochs, int slots)
    {
        var spec = string.Create(CultureInfo.InvariantCulture, $$"""
            { "name": "{{name}}", "dataset": {"kind": "digits"},
              "objective": {"metric": "val_accuracy", "direction": "maximize"},
              "search_space": { "learning_rate": {"type": "loguniform", "low": 1e-4, "high": 1e-2}, "hidden_units": 128, "hidden_layers": 2 },
              "searcher": {"kind": "random"},
              "budget": {"max_trials": {{trials}}, "max_concurrent_trials": {{slots}}, "max_epochs_per_trial": {{epochs}}},
              "checkpoint_interval": 0, "seed": 1 }
            """);
        var run = await BenchCluster.RunStudyAsync(client, name, spec);
        return (run.StudyId, run.Wall, run.History);
    }
}
