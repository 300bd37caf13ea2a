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
/// Studies made up in memory, for measuring the study page at a size the test cluster cannot train quickly: an id
/// <c>synthetic-{trials}x{epochs}-{anything}</c> is a running study of that many trials with that many epochs each
/// (smooth loss and accuracy curves, a step schedule that halves the rate every 30 epochs). <see cref="PushEpochs"/>
/// sends every open page the next epoch of chosen trials. Any other id goes to the real source.
/// </summary>
internal sealed class SyntheticStudySource(IStudyLiveSource inner) : IStudyLiveSource
{
    private const string Prefix = "synthetic-";
    private const int ExtraEpochs = 50;
    private readonly ConcurrentDictionary<string, Study> _studies = new(StringComparer.Ordinal);

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
        lock (study)
        {
            study.Watchers.Add(channel.Writer);
        }

        try
        {
            yield return study.Snapshot;
            foreach (var trial in study.Trials)
            {
                yield return trial;
            }

            yield return new StudyHistory(studyId, [.. study.Histories]);
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

    /// <summary>Open pages of <paramref name="studyId"/> now.</summary>
    public int Watchers(string studyId) => TryGet(studyId) is { } study ? study.Watchers.Count : 0;

    /// <summary>Sends the next epoch of each of <paramref name="trialNumbers"/> (1-based) to every open page; returns their epochs.</summary>
    public IReadOnlyList<int> PushEpochs(string studyId, IEnumerable<int> trialNumbers)
    {
        var study = TryGet(studyId) ?? throw new ArgumentException($"{studyId} is not a synthetic study.", nameof(studyId));
        var epochs = new List<int>();
        lock (study)
        {
            foreach (var number in trialNumbers)
            {
                var epoch = ++study.NextEpoch[number - 1];
                var trialId = TrialIds.Of(studyId, number);
                var report = new TrialEpochReport(studyId, trialId, Epoch(number, epoch), [], "silo-" + (number % 2).ToString(CultureInfo.InvariantCulture));
                foreach (var watcher in study.Watchers)
                {
                    watcher.TryWrite(report);
                }

                epochs.Add(epoch);
            }
        }

        return epochs;
    }

    private Study? TryGet(string studyId)
    {
        if (!studyId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return _studies.GetOrAdd(studyId, id =>
        {
            var size = id[Prefix.Length..].Split('-')[0].Split('x');
            return Create(id, int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture));
        });
    }

    private static Study Create(string studyId, int trials, int epochs)
    {
        var now = DateTimeOffset.UtcNow;
        var snapshot = new StudySnapshot(studyId, "synthetic", StudyState.Running, null, "val_accuracy", true, trials, trials,
            ImmutableDictionary<TrialState, int>.Empty.Add(TrialState.Running, trials), null, now, null,
            string.Create(CultureInfo.InvariantCulture, $"{{\"name\":\"synthetic\",\"budget\":{{\"max_trials\":{trials},\"max_epochs_per_trial\":{epochs + ExtraEpochs}}}}}"), 1);
        var study = new Study(snapshot, new int[trials]);
        string[] optimizers = ["sgd", "adam", "adamw", "rmsprop"];
        for (var n = 1; n <= trials; n++)
        {
            var history = Enumerable.Range(1, epochs).Select(e => Epoch(n, e)).ToImmutableArray();
            var changes = Enumerable.Range(1, epochs / 30).Select(k => new LearningRateChange(
                k * 30 + 1, k * 30 * 10L, Rate(n, k * 30), Rate(n, k * 30 + 1), "schedule", null)).ToImmutableArray();
            var trialId = TrialIds.Of(studyId, n);
            var config = new TrialConfig(new Dictionary<string, ParameterValue>
            {
                ["learning_rate"] = BaseRate(n),
                ["optimizer"] = optimizers[n % optimizers.Length],
                ["hidden_units"] = 32L << (n % 4),
            });
            study.Trials.Add(new TrialSnapshot(trialId, studyId, n, TrialState.Running, null, config, epochs, epochs + ExtraEpochs,
                history[^1].Metrics, history[^1].LearningRate, "silo-" + (n % 2).ToString(CultureInfo.InvariantCulture), now, null, 0));
            study.Histories.Add(new TrialHistory(trialId, history, changes, []));
            study.NextEpoch[n - 1] = epochs;
        }

        return study;
    }

    private static double BaseRate(int n) => Math.Pow(10, -4 + 3 * ((n * 37) % 100) / 100.0);

    private static double Rate(int n, int epoch) => BaseRate(n) * Math.Pow(0.5, (epoch - 1) / 30);

    private static EpochMetrics Epoch(int n, int epoch)
    {
        var speed = 0.02 + (n % 7) * 0.01;
        var floor = 0.05 + (n % 11) * 0.02;
        var wiggle = 0.02 * Math.Sin(epoch * 0.7 + n);
        var loss = floor + 2.2 * Math.Exp(-speed * epoch) + wiggle;
        var metrics = ImmutableDictionary<string, double>.Empty
            .Add("train_loss", loss * 0.9)
            .Add("val_loss", loss)
            .Add("val_accuracy", Math.Clamp(1 - floor - 0.85 * Math.Exp(-speed * epoch) + wiggle / 2, 0, 1));
        return new EpochMetrics(epoch, epoch * 10L, metrics, Rate(n, epoch), 0.01, DateTimeOffset.UtcNow);
    }

    private sealed class Study(StudySnapshot snapshot, int[] nextEpoch)
    {
        public StudySnapshot Snapshot { get; } = snapshot;

        public List<TrialSnapshot> Trials { get; } = [];

        public List<TrialHistory> Histories { get; } = [];

        public int[] NextEpoch { get; } = nextEpoch;

        public List<ChannelWriter<object>> Watchers { get; } = [];
    }
}
