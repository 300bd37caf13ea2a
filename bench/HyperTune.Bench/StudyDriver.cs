using System.Diagnostics;
using System.Globalization;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Metrics;
using HyperTune.Search.Schedulers;
using HyperTune.Search.Searchers;

namespace HyperTune.Bench;

/// <summary>
/// Drives a searcher and a scheduler as a study grain does, without a cluster: a fixed number of running trials, each
/// reporting its epochs in turn with made-up accuracies, checkpoints every 3 epochs, prunes and PBT exploits applied,
/// a finished trial replaced by a new suggestion. Seeded, so every run makes the same calls.
/// </summary>
internal sealed class StudyDriver(ISearcher searcher, ITrialScheduler scheduler, int epochs, int concurrency)
{
    private readonly Random _random = new(17);
    private readonly List<Running> _running = [];
    private readonly Dictionary<string, Running> _byId = new(StringComparer.Ordinal);
    private int _next;
    private int _turn;

    /// <summary>Trials completed, pruned or failed so far.</summary>
    public int Finished { get; private set; }

    /// <summary>
    /// Runs until <paramref name="finished"/> trials have finished; with <paramref name="timings"/>, adds each call's
    /// µs to its column (suggest, searcher result, scheduler result, searcher complete, scheduler complete, flush).
    /// </summary>
    public void RunUntil(int finished, List<double>[]? timings)
    {
        while (Finished < finished)
        {
            while (_running.Count < concurrency)
            {
                Start(timings);
            }

            Step(timings);
        }
    }

    /// <summary>The whole state of both, as the study grain saves it today after every event.</summary>
    public int SaveWholeState() => searcher.SaveState().Length + scheduler.SaveState().Length;

    private void Start(List<double>[]? timings)
    {
        var id = "trial-" + (++_next).ToString(CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        var result = searcher.Suggest(id);
        Record(timings, 0, started);
        if (!result.HasConfig)
        {
            throw new InvalidOperationException($"The {searcher.GetType().Name} suggested nothing ({result.Status}).");
        }

        scheduler.OnTrialAdded(id, result.Config);
        var trial = new Running(id, _random.NextDouble());
        _running.Add(trial);
        _byId.Add(id, trial);
        Flush(timings);
    }

    private void Step(List<double>[]? timings)
    {
        var trial = _running[_turn++ % _running.Count];
        trial.Epoch++;
        var value = _random.NextDouble() < 0.01 ? double.NaN : (trial.Level * trial.Epoch / epochs) + (0.05 * _random.NextDouble());
        var metrics = new Dictionary<string, double> { [MetricNames.ValidationAccuracy] = value };
        var started = Stopwatch.GetTimestamp();
        searcher.OnTrialResult(trial.Id, trial.Epoch, metrics);
        Record(timings, 1, started);
        started = Stopwatch.GetTimestamp();
        var decision = scheduler.OnTrialResult(trial.Id, trial.Epoch, metrics);
        Record(timings, 2, started);
        Flush(timings);
        if (decision is ExploitDecision exploit)
        {
            trial.Epoch = exploit.SourceCheckpointEpoch;
            trial.Level = _byId.TryGetValue(exploit.SourceTrialId, out var source) ? source.Level : trial.Level;
            return;
        }

        if (trial.Epoch % 3 == 0)
        {
            scheduler.OnCheckpoint(trial.Id, trial.Epoch);
            Flush(timings);
        }

        var failed = _random.NextDouble() < 0.02 / epochs;
        if (decision is PruneDecision || failed || trial.Epoch >= epochs)
        {
            started = Stopwatch.GetTimestamp();
            searcher.OnTrialComplete(trial.Id, null, failed);
            Record(timings, 3, started);
            started = Stopwatch.GetTimestamp();
            scheduler.OnTrialComplete(trial.Id, failed);
            Record(timings, 4, started);
            Flush(timings);
            _running.Remove(trial);
            _byId.Remove(trial.Id);
            Finished++;
        }
    }

    /// <summary>
    /// What a store of per-trial rows writes after an event: the shared parts and the changed trials' parts. While
    /// filling (untimed) it only takes the changes, as a store would, without building the bytes.
    /// </summary>
    private void Flush(List<double>[]? timings)
    {
        if (timings is null)
        {
            searcher.TakeChangedTrials();
            scheduler.TakeChangedTrials();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        _ = Flush(searcher) + Flush(scheduler);
        Record(timings, 5, started);
    }

    private static int Flush(IPartitionedState state)
    {
        var bytes = state.SaveShared().Length;
        foreach (var id in state.TakeChangedTrials())
        {
            bytes += state.SaveTrial(id)!.Length;
        }

        return bytes;
    }

    private static void Record(List<double>[]? timings, int column, long started)
    {
        if (timings is not null)
        {
            timings[column].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }

    private sealed class Running(string id, double level)
    {
        public string Id { get; } = id;

        public double Level { get; set; } = level;

        public int Epoch { get; set; }
    }
}
