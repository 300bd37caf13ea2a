using HyperTune.Search.Metrics;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Configuration;
using HyperTune.Training.Control;
using HyperTune.Training.Engine;

namespace HyperTune.Training.Tests.Engine;

public sealed class TrainingRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_DigitsWithSensibleConfig_ReachesValidationAccuracyOf95PercentWithin30Epochs()
    {
        var config = new TrainingConfig { LearningRate = 1e-3, Optimizer = OptimizerKind.Adam, HiddenUnits = [128, 128], BatchSize = 64, Epochs = 30, Seed = 1 };
        using var run = new TrainingRun(config, TestData.Digits);
        var observer = new RecordingObserver();

        var outcome = run.Run(observer);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(30, observer.Epochs.Count);
        Assert.True(outcome.FinalMetrics[MetricNames.ValidationAccuracy] >= 0.95, $"accuracy {outcome.FinalMetrics[MetricNames.ValidationAccuracy]}");
    }

    [Fact]
    public void Run_SgdWithLearningRate10_EndsDivergedWithReason()
    {
        var config = new TrainingConfig { LearningRate = 10, Optimizer = OptimizerKind.Sgd, Epochs = 20, Seed = 1 };
        using var run = new TrainingRun(config, TestData.Digits);

        var outcome = run.Run();

        Assert.Equal(TrainingStatus.Diverged, outcome.Status);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task Run_DecayCommandFromAnotherThread_HalvesNextStepAndIsReported()
    {
        var config = new TrainingConfig { LearningRate = 1e-3, Schedule = ScheduleKind.Exponential, Gamma = 0.9, Epochs = 4, Seed = 2 };
        using var run = new TrainingRun(config, TestData.SmallBlobs);
        using var pausedAfterEpoch2 = new ManualResetEventSlim();
        var observer = new RecordingObserver(report =>
        {
            if (report.Epoch == 2)
            {
                run.Control.Pause();
                pausedAfterEpoch2.Set();
            }
        });

        var training = Task.Factory.StartNew(() => run.Run(observer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(pausedAfterEpoch2.Wait(TimeSpan.FromMinutes(1)));
        run.Control.DecayLearningRate(0.5);
        run.Control.Resume();
        var outcome = await training;

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var epoch2 = observer.Epoch(2);
        var epoch3 = observer.Epoch(3);
        var change = Assert.Single(epoch3.LearningRateEvents);
        Assert.Equal(epoch2.Step + 1, change.Step);
        Assert.Equal(3, change.Epoch);
        Assert.Equal(LearningRateChangeSource.User, change.Source);
        Assert.Equal(1e-3 * Math.Pow(0.9, 2), change.OldLearningRate, 15);
        Assert.Equal(change.OldLearningRate * 0.5, change.NewLearningRate);
        Assert.Equal(1e-3 * Math.Pow(0.9, 2) * 0.5, epoch3.LearningRate, 15);
        Assert.Equal(1e-3 * Math.Pow(0.9, 3) * 0.5, observer.Epoch(4).LearningRate, 15);
        Assert.Contains(change, outcome.LearningRateEvents);
    }

    [Fact]
    public async Task Run_ResumedFromCheckpoint_ContinuesExactlyLikeTheUninterruptedRun()
    {
        var config = new TrainingConfig
        {
            Optimizer = OptimizerKind.Adam, Dropout = 0.2, BatchNorm = true, HiddenUnits = [32, 16],
            Schedule = ScheduleKind.Step, StepSize = 2, Gamma = 0.5, WarmupEpochs = 1, Epochs = 5, Seed = 11,
        };
        var store = new LocalDirectoryCheckpointStore(_directory);
        using (var uninterrupted = new TrainingRun(config, TestData.SmallBlobs, new TrainingRunOptions { RunId = "a", CheckpointInterval = 1, CheckpointStore = store }))
        {
            Assert.Equal(TrainingStatus.Completed, uninterrupted.Run().Status);
        }

        var atEpoch3 = (await store.LoadAsync("a", 3))!;
        var observer = new RecordingObserver();
        using (var resumed = new TrainingRun(config, TestData.SmallBlobs, new TrainingRunOptions { RunId = "b", CheckpointInterval = 1, CheckpointStore = store }))
        {
            var outcome = resumed.Run(observer, resumeFrom: atEpoch3);
            Assert.Equal(TrainingStatus.Completed, outcome.Status);
            Assert.Equal(5, outcome.EpochsCompleted);
        }

        Assert.Equal([4, 5], observer.Epochs.Select(r => r.Epoch));
        foreach (var epoch in new[] { 4, 5 })
        {
            var expected = CheckpointSerializer.Deserialize(await store.LoadAsync("a", epoch));
            var actual = CheckpointSerializer.Deserialize(await store.LoadAsync("b", epoch));
            Assert.Equal(expected.Model.ToArray(), actual.Model.ToArray());
            Assert.Equal(expected.Optimizer.ToArray(), actual.Optimizer.ToArray());
            Assert.Equal(expected.Generator.ToArray(), actual.Generator.ToArray());
            Assert.Equal(expected.Step, actual.Step);
        }
    }

    [Fact]
    public void Run_CorruptCheckpoint_FailsWithClearReason()
    {
        using var run = new TrainingRun(new TrainingConfig { Epochs = 2 }, TestData.SmallBlobs);

        var outcome = run.Run(resumeFrom: [1, 2, 3, 4]);

        Assert.Equal(TrainingStatus.Failed, outcome.Status);
        Assert.IsType<CheckpointFormatException>(outcome.Error);
        Assert.Contains("not a HyperTune checkpoint", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StopWhilePaused_EndsStoppedAfterTheLastFinishedEpoch()
    {
        using var run = new TrainingRun(new TrainingConfig { Epochs = 50, Seed = 3 }, TestData.SmallBlobs);
        using var paused = new ManualResetEventSlim();
        var observer = new RecordingObserver(report =>
        {
            if (report.Epoch == 1)
            {
                run.Control.Pause();
                paused.Set();
            }
        });

        var training = Task.Factory.StartNew(() => run.Run(observer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(paused.Wait(TimeSpan.FromMinutes(1)));
        run.Control.Stop();
        var outcome = await training;

        Assert.Equal(TrainingStatus.Stopped, outcome.Status);
        Assert.Equal(1, outcome.EpochsCompleted);
        Assert.Single(observer.Epochs);
    }

    [Fact]
    public void Run_StepSchedule_ReportsTheScheduledRateEveryEpochAndMarksEachStep()
    {
        var config = new TrainingConfig { LearningRate = 0.01, Schedule = ScheduleKind.Step, StepSize = 2, Gamma = 0.5, Epochs = 5, Seed = 4 };
        using var run = new TrainingRun(config, TestData.SmallBlobs);
        var observer = new RecordingObserver();

        run.Run(observer);

        Assert.Equal([0.01, 0.01, 0.005, 0.005, 0.0025], observer.Epochs.Select(r => r.LearningRate));
        Assert.Equal([3, 5], observer.Epochs.Where(r => r.LearningRateEvents.Any(e => e.Source == LearningRateChangeSource.Schedule)).Select(r => r.Epoch));
    }

    [Fact]
    public void Run_Regression_ReportsRmseAndR2()
    {
        var config = new TrainingConfig { LearningRate = 3e-3, HiddenUnits = [64, 64], Epochs = 40, Seed = 5 };
        using var run = new TrainingRun(config, TestData.Friedman);

        var outcome = run.Run();

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.FinalMetrics[MetricNames.ValidationR2] > 0.8, $"R² {outcome.FinalMetrics[MetricNames.ValidationR2]}");
        Assert.Equal(Math.Sqrt(outcome.FinalMetrics[MetricNames.ValidationLoss]), outcome.FinalMetrics[MetricNames.ValidationRmse], 9);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, ActivationKind.Relu)]
    [InlineData(OptimizerKind.Adam, ActivationKind.LeakyRelu)]
    [InlineData(OptimizerKind.AdamW, ActivationKind.Gelu)]
    [InlineData(OptimizerKind.RmsProp, ActivationKind.Elu)]
    [InlineData(OptimizerKind.Adam, ActivationKind.Tanh)]
    [InlineData(OptimizerKind.Sgd, ActivationKind.Sigmoid)]
    public void Run_EachOptimizerAndActivation_LearnsTheBlobs(OptimizerKind optimizer, ActivationKind activation)
    {
        var config = new TrainingConfig
        {
            Optimizer = optimizer, Activation = activation, LearningRate = optimizer == OptimizerKind.Sgd ? 0.1 : 1e-2,
            Momentum = optimizer == OptimizerKind.Sgd ? 0.9 : 0, Nesterov = optimizer == OptimizerKind.Sgd, WeightDecay = 1e-4,
            GradientClipNorm = 5, Epochs = 15, Seed = 6,
        };
        using var run = new TrainingRun(config, TestData.SmallBlobs);

        var outcome = run.Run();

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.FinalMetrics[MetricNames.ValidationAccuracy] > 0.8, $"accuracy {outcome.FinalMetrics[MetricNames.ValidationAccuracy]}");
    }

    [Fact]
    public void Run_SameSeedTwice_GivesIdenticalMetrics()
    {
        var config = new TrainingConfig { Dropout = 0.3, Epochs = 3, Seed = 9 };
        using var first = new TrainingRun(config, TestData.SmallBlobs);
        using var second = new TrainingRun(config, TestData.SmallBlobs);

        Assert.Equal(first.Run().FinalMetrics, second.Run().FinalMetrics);
    }

    [Fact]
    public void Run_CalledTwice_Throws()
    {
        using var run = new TrainingRun(new TrainingConfig { Epochs = 1 }, TestData.SmallBlobs);
        run.Run();

        Assert.Throws<InvalidOperationException>(() => run.Run());
    }
}
