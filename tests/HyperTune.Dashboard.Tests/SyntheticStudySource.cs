using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Dashboard.Live;
using HyperTune.Search.Values;

namespace HyperTune.Dashboard.Tests;

/// <summary>
/// Studies made up in memory, for measuring and testing the study page at a size the test cluster cannot train quickly:
/// an id <c>synthetic-{trials}x{epochs}-{anything}</c> is a running study of that many trials (maximizing val_accuracy)
/// with that many epochs each (smooth loss and accuracy curves, a step schedule that halves the rate every 30 epochs).
/// Every fifth trial (5, 10, …) was pruned after a third of the epochs; trial 3 diverged in its last third (its loss
/// grows to about 200). Each trial has <c>learning_rate</c> (log-uniform in the spec), <c>optimizer</c>,
/// <c>hidden_units</c> and <c>momentum</c> (always 0.9). Curves are computed when asked, never stored, so a 10,000-trial
/// study costs little. An id with <c>-failed-</c> after the size is a study that failed (its range test did), whose last
/// trial still waits for a slot (Pending, no epoch). <see cref="PushEpochs"/> sends every open page the next epoch of chosen trials. Any other id goes
/// to the real source.
/// </summary>
internal sealed class SyntheticStudySource(IStudyLiveSource inner) : IStudyLiveSource
{
    /// <summary>The value of the constant hyperparameter every synthetic trial has.</summary>
    public const double Momentum = 0.9;

    private const string Prefix = "synthetic-";
    private const int ExtraEpochs = 50;
    private static readonly string[] Optimizers = ["sgd", "adam", "adamw", "rmsprop"];
    private readonly ConcurrentDictionary<string, Lazy<Study>> _studies = new(StringComparer.Ordinal);

    public Task<StudySnapshot?> GetStudyAsync(string studyId) =>
        TryGet(studyId) is { } study ? Task.FromResult<StudySnapshot?>(study.Snapshot) : inner.GetStudyAsync(studyId);

    public async IAsyncEnumerable<object> WatchAsync(string studyId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (TryGet(studyId) is not { } study)
        {
            await foreach (var change in inner.WatchAsync(studyId, cancellationToken))
            {
                yield return change;
            }

            yield break;
        }

        var channel = Channel.CreateUnbounded<object>();
        TrialSnapshot[] trials;
        lock (study)
        {
            study.Watchers.Add(channel.Writer);
            trials = [.. study.Trials];
        }

        try
        {
            yield return study.Snapshot;
            foreach (var trial in trials)
            {
                yield return trial;
            }

            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (study)
            {
                study.Watchers.Remove(channel.Writer);
            }
        }
    }

    public Task<IReadOnlyList<TrialSummary>> GetTrialsAsync(string studyId, CancellationToken cancellationToken)
    {
        if (TryGet(studyId) is not { } study)
        {
            return inner.GetTrialsAsync(studyId, cancellationToken);
        }

        Interlocked.Increment(ref study.SummaryReads);
        lock (study)
        {
            return Task.FromResult<IReadOnlyList<TrialSummary>>([.. study.Trials.Select(t => Summary(t, study.Epochs[t.Number - 1]))]);
        }
    }

    public Task<IReadOnlyList<TrialHistory>> GetHistoriesAsync(string studyId, IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken)
    {
        if (TryGet(studyId) is not { } study)
        {
            return inner.GetHistoriesAsync(studyId, trialIds, cancellationToken);
        }

        Interlocked.Add(ref study.HistoryReads, trialIds.Count);
        var histories = new List<TrialHistory>();
        lock (study)
        {
            foreach (var id in trialIds)
            {
                var dash = id.LastIndexOf('-');
                if (id[..dash] == studyId && int.TryParse(id[(dash + 1)..], CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= study.Trials.Count)
                {
                    histories.Add(History(studyId, n, study.Epochs[n - 1]));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<TrialHistory>>(histories);
    }

    /// <summary>Open pages of <paramref name="studyId"/> now.</summary>
    public int Watchers(string studyId) => TryGet(studyId) is { } study ? study.Watchers.Count : 0;

    /// <summary>How many trial histories pages of <paramref name="studyId"/> have read.</summary>
    public int HistoryReads(string studyId) => TryGet(studyId)?.HistoryReads ?? 0;

    /// <summary>Sends the next epoch of each of <paramref name="trialNumbers"/> (1-based) to every open page; returns their epochs.</summary>
    public IReadOnlyList<int> PushEpochs(string studyId, IEnumerable<int> trialNumbers)
    {
        var study = TryGet(studyId) ?? throw new ArgumentException($"{studyId} is not a synthetic study.", nameof(studyId));
        var epochs = new List<int>();
        lock (study)
        {
            foreach (var number in trialNumbers)
            {
                var epoch = ++study.Epochs[number - 1];
                var trialId = TrialIds.Of(studyId, number);
                var report = new TrialEpochReport(studyId, trialId, Epoch(number, epoch), [], Silo(number));
                foreach (var watcher in study.Watchers)
                {
                    watcher.TryWrite(report);
                }

                epochs.Add(epoch);
            }
        }

        return epochs;
    }

    /// <summary>The synthetic trial's best val_accuracy after <paramref name="epochs"/> epochs.</summary>
    public static double BestAccuracy(int number, int epochs) => Enumerable.Range(1, epochs).Max(e => Accuracy(number, e));

    /// <summary>True for the trials the synthetic study pruned.</summary>
    public static bool IsPruned(int number) => number % 5 == 0;

    private Study? TryGet(string studyId)
    {
        if (!studyId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return _studies.GetOrAdd(studyId, id => new Lazy<Study>(() =>
        {
            var size = id[Prefix.Length..].Split('-')[0].Split('x');
            return Create(id, int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture));
        })).Value;
    }

    private static Study Create(string studyId, int trials, int epochs)
    {
        var now = DateTimeOffset.UtcNow;
        var failed = studyId.Contains("-failed-", StringComparison.Ordinal);
        var waiting = failed ? 1 : 0; // the last trial
        var pruned = Enumerable.Range(1, trials - waiting).Count(IsPruned);
        var spec = string.Create(CultureInfo.InvariantCulture,
            $$$"""{"name":"synthetic","search_space":{"learning_rate":{"type":"loguniform","low":1e-4,"high":0.1},"optimizer":{"type":"choice","values":["sgd","adam","adamw","rmsprop"]},"hidden_units":{"type":"choice","values":[32,64,128,256]},"momentum":0.9},"budget":{"max_trials":{{{trials}}},"max_epochs_per_trial":{{{epochs + ExtraEpochs}}}}}""");
        var snapshot = new StudySnapshot(studyId, "synthetic", failed ? StudyState.Failed : StudyState.Running,
            failed ? "its learning-rate range test failed: the dataset has no rows" : null, "val_accuracy", true, trials, trials,
            ImmutableDictionary<TrialState, int>.Empty.Add(TrialState.Running, trials - pruned - waiting).Add(TrialState.Pruned, pruned).Add(TrialState.Pending, waiting), null, now, null, spec, 1);
        var study = new Study(snapshot, new int[trials]);
        for (var n = 1; n <= trials; n++)
        {
            var trialEpochs = IsPruned(n) ? Math.Max(1, epochs / 3) : epochs;
            var trialId = TrialIds.Of(studyId, n);
            var config = new TrialConfig(new Dictionary<string, ParameterValue>
            {
                ["learning_rate"] = BaseRate(n),
                ["optimizer"] = Optimizers[n % Optimizers.Length],
                ["hidden_units"] = 32L << (n % 4),
                ["momentum"] = Momentum,
            });
            var pending = failed && n == trials; // waits for a slot: no epoch yet
            trialEpochs = pending ? 0 : trialEpochs;
            var last = pending ? null : Epoch(n, trialEpochs);
            var state = pending ? TrialState.Pending : IsPruned(n) ? TrialState.Pruned : TrialState.Running;
            study.Trials.Add(new TrialSnapshot(trialId, studyId, n, state, IsPruned(n) ? "pruned by the scheduler" : null,
                config, trialEpochs, epochs + ExtraEpochs, last?.Metrics ?? ImmutableDictionary<string, double>.Empty, last?.LearningRate ?? double.NaN,
                Silo(n), pending ? null : now, IsPruned(n) ? now : null, 0));
            study.Epochs[n - 1] = trialEpochs;
        }

        return study;
    }

    private static TrialSummary Summary(TrialSnapshot trial, int epochs)
    {
        var (best, at) = (double.NaN, 0);
        for (var e = 1; e <= epochs; e++)
        {
            var value = Accuracy(trial.Number, e);
            if (double.IsNaN(best) || value > best)
            {
                (best, at) = (value, e);
            }
        }

        return new TrialSummary(trial, best, at);
    }

    private static TrialHistory History(string studyId, int n, int epochs)
    {
        var history = Enumerable.Range(1, epochs).Select(e => Epoch(n, e)).ToImmutableArray();
        var changes = Enumerable.Range(1, epochs / 30).Select(k => new LearningRateChange(
            k * 30 + 1, k * 30 * 10L, Rate(n, k * 30), Rate(n, k * 30 + 1), "schedule", null)).ToImmutableArray();
        return new TrialHistory(TrialIds.Of(studyId, n), history, changes, []);
    }

    private static string Silo(int n) => "silo-" + (n % 2).ToString(CultureInfo.InvariantCulture);

    private static double BaseRate(int n) => Math.Pow(10, -4 + 3 * ((n * 37) % 100) / 100.0);

    private static double Rate(int n, int epoch) => BaseRate(n) * Math.Pow(0.5, (epoch - 1) / 30);

    private static EpochMetrics Epoch(int n, int epoch)
    {
        var loss = Loss(n, epoch);
        var metrics = ImmutableDictionary<string, double>.Empty
            .Add("train_loss", loss * 0.9)
            .Add("val_loss", loss)
            .Add("val_accuracy", Accuracy(n, epoch));
        return new EpochMetrics(epoch, epoch * 10L, metrics, Rate(n, epoch), 0.01, DateTimeOffset.UnixEpoch.AddSeconds(epoch));
    }

    private static double Loss(int n, int epoch)
    {
        var loss = Floor(n) + 2.2 * Math.Exp(-Speed(n) * epoch) + Wiggle(n, epoch);
        return n == 3 && epoch > 20 ? loss * Math.Pow(1.5, Math.Min(epoch - 20, 20)) : loss; // trial 3 diverges: about 200 at its end
    }

    private static double Accuracy(int n, int epoch) => Math.Clamp(1 - Floor(n) - 0.85 * Math.Exp(-Speed(n) * epoch) + Wiggle(n, epoch) / 2, 0, 1);

    private static double Speed(int n) => 0.02 + (n % 7) * 0.01;

    private static double Floor(int n) => 0.05 + (n % 11) * 0.02;

    private static double Wiggle(int n, int epoch) => 0.02 * Math.Sin(epoch * 0.7 + n);

    private sealed class Study(StudySnapshot snapshot, int[] epochs)
    {
        public int SummaryReads;
        public int HistoryReads;

        public StudySnapshot Snapshot { get; } = snapshot;

        public List<TrialSnapshot> Trials { get; } = [];

        /// <summary>Each trial's epochs so far (its curve is computed from them).</summary>
        public int[] Epochs { get; } = epochs;

        public List<ChannelWriter<object>> Watchers { get; } = [];
    }
}
