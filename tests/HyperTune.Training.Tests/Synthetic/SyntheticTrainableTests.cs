using HyperTune.Search.Metrics;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Control;
using HyperTune.Training.Engine;
using HyperTune.Training.Schedules;
using HyperTune.Training.Synthetic;
using HyperTune.Training.Tests.Engine;

namespace HyperTune.Training.Tests.Synthetic;

public sealed class SyntheticTrainableTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-synthetic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TrialConfig Config(double learningRate, params (string Name, object Value)[] more)
    {
        var values = new Dictionary<string, object> { ["learning_rate"] = learningRate };
        foreach (var (name, value) in more)
        {
            values[name] = value;
        }

        return TrialConfig.FromDictionary(values);
    }

    private static TrainableRunRequest Request(
        TrialConfig config,
        long seed = 1,
        int epochs = 10,
        double secondsPerEpoch = 0,
        TrainingControl? control = null,
        TimeProvider? time = null,
        ICheckpointStore? store = null,
        int checkpointInterval = 0,
        byte[]? resumeFrom = null,
        DatasetSpec? dataset = null) => new()
        {
            Hyperparameters = config,
            Seed = seed,
            Epochs = epochs,
            Control = control ?? new TrainingControl(),
            Dataset = dataset ?? new DatasetSpec(),
            Trainable = TrainableSpec.Synthetic(secondsPerEpoch),
            ResumeFrom = resumeFrom,
            Options = new TrainingRunOptions
            {
                RunId = "synthetic-run",
                CheckpointInterval = checkpointInterval,
                CheckpointStore = store,
                Time = time ?? TimeProvider.System,
            },
        };

    private static async Task<(TrainingOutcome Outcome, RecordingObserver Observer)> RunAsync(TrainableRunRequest request, RecordingObserver? observer = null)
    {
        observer ??= new RecordingObserver();
        var outcome = await SyntheticTrainable.Instance.RunAsync(request, observer, CancellationToken.None).WaitAsync(Timeout);
        return (outcome, observer);
    }

    private static double[] Curve(RecordingObserver observer, string metric) => [.. observer.Epochs.OrderBy(e => e.Epoch).Select(e => e.Metrics[metric])];

    [Fact]
    public async Task RunAsync_SameConfigAndSeed_SameCurve_OtherSeedOrConfig_OtherCurve()
    {
        var (first, a) = await RunAsync(Request(Config(2e-3), seed: 4));
        var (_, again) = await RunAsync(Request(Config(2e-3), seed: 4));
        var (_, otherSeed) = await RunAsync(Request(Config(2e-3), seed: 5));
        var (_, otherConfig) = await RunAsync(Request(Config(2e-3, ("hidden_units", 32L)), seed: 4));

        Assert.Equal(TrainingStatus.Completed, first.Status);
        Assert.Equal(10, a.Epochs.Count);
        Assert.Equal(Curve(a, MetricNames.ValidationLoss), Curve(again, MetricNames.ValidationLoss));
        Assert.Equal(Curve(a, MetricNames.ValidationAccuracy), Curve(again, MetricNames.ValidationAccuracy));
        Assert.NotEqual(Curve(a, MetricNames.ValidationLoss), Curve(otherSeed, MetricNames.ValidationLoss));
        Assert.NotEqual(Curve(a, MetricNames.ValidationLoss), Curve(otherConfig, MetricNames.ValidationLoss));
        Assert.True(Curve(otherConfig, MetricNames.ValidationLoss)[^1] > Curve(a, MetricNames.ValidationLoss)[^1], "32 units should end above 128");
    }

    [Fact]
    public async Task RunAsync_LearningRateNearTheOptimum_LearnsFasterAndEndsLowerThanTooLowOrTooHigh()
    {
        var (best, good) = await RunAsync(Request(Config(2e-3), epochs: 20));
        var (_, slow) = await RunAsync(Request(Config(2e-5), epochs: 20));
        var (tooHigh, high) = await RunAsync(Request(Config(2e-2), epochs: 20));

        Assert.Equal(TrainingStatus.Completed, best.Status);
        var goodLoss = Curve(good, MetricNames.ValidationLoss);
        Assert.True(goodLoss[^1] < 0.15, $"final val_loss {goodLoss[^1]}");
        Assert.True(goodLoss[^1] < goodLoss[0] / 5);
        Assert.True(Curve(good, MetricNames.ValidationAccuracy)[^1] > 0.95);
        Assert.True(Curve(slow, MetricNames.ValidationLoss)[^1] > 3 * goodLoss[^1]);

        // Ten times the optimum: the loss grows each epoch until the divergence rule stops the run.
        Assert.Equal(TrainingStatus.Diverged, tooHigh.Status);
        Assert.Contains("exceeds 10× the best", tooHigh.Reason, StringComparison.Ordinal);
        var highLoss = Curve(high, MetricNames.TrainLoss);
        Assert.True(highLoss.Zip(highLoss.Skip(1)).All(p => p.Second > p.First), string.Join(", ", highLoss));
    }

    [Fact]
    public async Task RunAsync_FarTooHighLearningRate_DivergesOnANaNLossWithoutReportingIt()
    {
        var (outcome, observer) = await RunAsync(Request(Config(0.1)));

        Assert.Equal(TrainingStatus.Diverged, outcome.Status);
        Assert.Equal("loss became NaN at epoch 1, step 1", outcome.Reason);
        Assert.Empty(observer.Epochs);
        Assert.Equal(0, outcome.EpochsCompleted);
    }

    [Fact]
    public async Task RunAsync_SgdWithMomentum_HasItsOwnOptimum()
    {
        var (_, sgd) = await RunAsync(Request(Config(1e-2, ("optimizer", "sgd"), ("momentum", 0.9)), epochs: 15));
        var (_, adamRate) = await RunAsync(Request(Config(2e-3, ("optimizer", "sgd"), ("momentum", 0.9)), epochs: 15));

        Assert.True(Curve(sgd, MetricNames.ValidationLoss)[^1] < Curve(adamRate, MetricNames.ValidationLoss)[^1]);
    }

    [Fact]
    public async Task RunAsync_DecayAfterEpoch3_ChangesTheCurveFromEpoch4()
    {
        var control = new TrainingControl();
        var decayed = new RecordingObserver(report =>
        {
            if (report.Epoch == 3)
            {
                control.DecayLearningRate(0.1);
            }
        });
        await RunAsync(Request(Config(6e-3), epochs: 8, control: control), decayed);
        var (_, plain) = await RunAsync(Request(Config(6e-3), epochs: 8));

        var before = Curve(plain, MetricNames.ValidationLoss);
        var after = Curve(decayed, MetricNames.ValidationLoss);
        Assert.Equal(before[..3], after[..3]);
        Assert.All(Enumerable.Range(3, 5), i => Assert.NotEqual(before[i], after[i]));
        var change = Assert.Single(decayed.Epoch(4).LearningRateEvents);
        Assert.Equal((4, 4L, LearningRateChangeSource.User, LearningRateCommandKind.Decay), (change.Epoch, change.Step, change.Source, change.Command));
        Assert.Equal(6e-3, change.OldLearningRate, 15);
        Assert.Equal(6e-4, decayed.Epoch(4).LearningRate, 15);
        Assert.Equal(6e-3, decayed.Epoch(3).LearningRate, 15);

        // 6e-3 is 3× the optimum, where the floor stays high: decaying lowers the loss.
        Assert.True(after[^1] < before[^1], $"{after[^1]} vs {before[^1]}");
    }

    [Fact]
    public async Task RunAsync_StepSchedule_ChangesTheRateEveryStepSizeEpochsAsTheEngineDoes()
    {
        var (_, observer) = await RunAsync(Request(Config(1e-3, ("schedule", "step"), ("step_size", 2L), ("gamma", 0.5)), epochs: 5));

        Assert.Equal([1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4], observer.Epochs.OrderBy(e => e.Epoch).Select(e => e.LearningRate));
        var steps = observer.Epochs.SelectMany(e => e.LearningRateEvents).ToArray();
        Assert.Equal([3, 5], steps.Select(e => e.Epoch));
        Assert.All(steps, e => Assert.Equal(LearningRateChangeSource.Schedule, e.Source));
    }

    [Fact]
    public async Task RunAsync_ResumedFromItsCheckpoint_ContinuesIdenticallyToTheUninterruptedRun()
    {
        var store = new LocalDirectoryCheckpointStore(_directory);
        var config = Config(3e-3, ("schedule", "plateau"), ("plateau_patience", 1L), ("dropout", 0.2));
        var control = new TrainingControl();
        var whole = new RecordingObserver(report =>
        {
            if (report.Epoch == 2)
            {
                control.DecayLearningRate(0.5);
            }
        });
        var (outcome, _) = await RunAsync(Request(config, seed: 9, epochs: 12, control: control, store: store, checkpointInterval: 5), whole);
        var saved = await store.LoadAsync("synthetic-run", 5);

        var (resumedOutcome, resumed) = await RunAsync(Request(config, seed: 9, epochs: 12, resumeFrom: saved));

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal([5, 10, 12], whole.Checkpoints.Select(c => c.Epoch).Order());
        Assert.NotNull(saved);
        Assert.True(saved.Length < 1024, $"a synthetic checkpoint of {saved.Length} bytes");
        Assert.Equal(5, CheckpointSerializer.Deserialize(saved).Epoch);
        Assert.Equal(TrainingStatus.Completed, resumedOutcome.Status);
        Assert.Equal(Enumerable.Range(6, 7), resumed.Epochs.Select(e => e.Epoch));
        foreach (var epoch in resumed.Epochs)
        {
            var original = whole.Epoch(epoch.Epoch);
            Assert.Equal(original.Metrics, epoch.Metrics);
            Assert.Equal(original.LearningRate, epoch.LearningRate);
            Assert.Equal(original.LearningRateEvents, epoch.LearningRateEvents);
        }

        Assert.Equal(outcome.LearningRateEvents, resumedOutcome.LearningRateEvents);
        Assert.Equal(outcome.FinalMetrics, resumedOutcome.FinalMetrics);
    }

    [Fact]
    public async Task RunAsync_CheckpointOfAnotherTrainable_FailsWithTheReason()
    {
        var foreign = CheckpointSerializer.Serialize(new TrainingCheckpoint
        {
            Epoch = 3,
            Step = 30,
            BestTrainLoss = 0.5,
            FirstLoss = 2.3,
            Fingerprint = "mlp|64->10|128x128|Relu|bn=False|Adam",
            LearningRate = new LearningRateControllerState(1, 1e-3, 1e-3, [], []),
            Model = new byte[100],
            Optimizer = new byte[10],
            Generator = new byte[16],
        });

        var (outcome, observer) = await RunAsync(Request(Config(1e-3), resumeFrom: foreign));

        Assert.Equal(TrainingStatus.Failed, outcome.Status);
        Assert.Contains("belongs to another trainable", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(observer.Epochs);
    }

    [Fact]
    public async Task RunAsync_RegressionData_ReportsRegressionMetrics()
    {
        var (_, observer) = await RunAsync(Request(Config(2e-3), epochs: 15, dataset: new DatasetSpec { Kind = DatasetKinds.Regression }));

        var last = observer.Epoch(15).Metrics;
        Assert.Equal(MetricNames.For(Search.TaskKind.Regression).Order(), last.Keys.Order());
        Assert.True(last[MetricNames.ValidationR2] > 0.8, $"r2 {last[MetricNames.ValidationR2]}");
        Assert.Equal(Math.Sqrt(last[MetricNames.ValidationLoss]), last[MetricNames.ValidationRmse]);
    }

    [Fact]
    public void RunAsync_UnknownHyperparameter_Throws()
    {
        var request = Request(TrialConfig.FromDictionary(new Dictionary<string, object> { ["learning_rte"] = 0.1 }));

        var error = Assert.Throws<ArgumentException>(() => { _ = SyntheticTrainable.Instance.RunAsync(request, new RecordingObserver(), CancellationToken.None); });

        Assert.Contains("'learning_rte' is not a hyperparameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnFakeTime_EachEpochWaitsForItsTimer()
    {
        var time = new WatchedTimeProvider();
        var observer = new RecordingObserver();
        var run = SyntheticTrainable.Instance.RunAsync(Request(Config(2e-3), epochs: 3, secondsPerEpoch: 30, time: time), observer, CancellationToken.None);

        for (var epoch = 1; epoch <= 3; epoch++)
        {
            await time.TimerCreatedAsync();
            time.Advance(TimeSpan.FromSeconds(29));
            Assert.Equal(epoch - 1, observer.Epochs.Count);
            var reported = observer.WhenEpoch(epoch);
            time.Advance(TimeSpan.FromSeconds(1));
            await reported.WaitAsync(Timeout);
            Assert.Equal(TimeSpan.FromSeconds(30), observer.Epoch(epoch).Duration);
        }

        var outcome = await run.WaitAsync(Timeout);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(90), outcome.Duration);
    }

    [Fact]
    public async Task RunAsync_PausedMidEpoch_TheEpochsClockStopsUntilResumed()
    {
        var time = new WatchedTimeProvider();
        var control = new TrainingControl();
        var observer = new RecordingObserver();
        var run = SyntheticTrainable.Instance.RunAsync(Request(Config(2e-3), epochs: 1, secondsPerEpoch: 10, control: control, time: time), observer, CancellationToken.None);
        await time.TimerCreatedAsync();
        time.Advance(TimeSpan.FromSeconds(4));

        control.Pause();
        await time.TimerDisposedAsync();
        time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(observer.Epochs);

        control.Resume();
        await time.TimerCreatedAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(observer.Epochs);
        time.Advance(TimeSpan.FromSeconds(1));

        var outcome = await run.WaitAsync(Timeout);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Single(observer.Epochs);
    }

    [Fact]
    public async Task RunAsync_StoppedMidEpoch_EndsStoppedWithoutThatEpoch()
    {
        var time = new WatchedTimeProvider();
        var control = new TrainingControl();
        var observer = new RecordingObserver();
        var run = SyntheticTrainable.Instance.RunAsync(Request(Config(2e-3), epochs: 5, secondsPerEpoch: 10, control: control, time: time), observer, CancellationToken.None);
        await time.TimerCreatedAsync();
        time.Advance(TimeSpan.FromSeconds(10));
        await time.TimerCreatedAsync();
        time.Advance(TimeSpan.FromSeconds(3));

        control.Stop();
        var outcome = await run.WaitAsync(Timeout);

        Assert.Equal(TrainingStatus.Stopped, outcome.Status);
        Assert.Equal(1, outcome.EpochsCompleted);
        Assert.Single(observer.Epochs);
    }

    [Fact]
    public async Task RunAsync_PausedBeforeAnEpoch_WaitsWithoutATimerAndStopsWhenStopped()
    {
        var time = new WatchedTimeProvider();
        var control = new TrainingControl();
        control.Pause();
        var run = SyntheticTrainable.Instance.RunAsync(Request(Config(2e-3), epochs: 5, secondsPerEpoch: 10, control: control, time: time), new RecordingObserver(), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(run.IsCompleted);

        control.Stop();
        var outcome = await run.WaitAsync(Timeout);

        Assert.Equal(TrainingStatus.Stopped, outcome.Status);
        Assert.Equal(0, outcome.EpochsCompleted);
    }
}
