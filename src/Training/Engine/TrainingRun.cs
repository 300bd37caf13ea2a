using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Metrics;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Configuration;
using HyperTune.Training.Control;
using HyperTune.Training.Datasets;
using HyperTune.Training.Models;
using HyperTune.Training.Optimization;
using HyperTune.Training.Runtime;
using HyperTune.Training.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperTune.Training.Engine;

/// <summary>
/// One training run: a model, an optimizer and a learning-rate controller trained on a prepared dataset. Call
/// <see cref="Run"/> on a thread of its own; steer it from any thread through <see cref="Control"/>. A run is used once.
/// </summary>
public sealed class TrainingRun : IDisposable
{
    private readonly TrainingConfig _config;
    private readonly PreparedDataset _data;
    private readonly TrainingRunOptions _options;
    private readonly bool _ownsControl;
    private int _started;

    /// <summary>Prepares a run; nothing is allocated in libtorch until <see cref="Run"/>.</summary>
    /// <param name="config">The hyperparameters.</param>
    /// <param name="data">The data to train on.</param>
    /// <param name="options">Run id, checkpoints and divergence rule.</param>
    /// <param name="control">A control created beforehand (so commands can be queued before the run exists); the caller keeps ownership.</param>
    public TrainingRun(TrainingConfig config, PreparedDataset data, TrainingRunOptions? options = null, TrainingControl? control = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        _options = options ?? new TrainingRunOptions();
        _options.Validate();
        (_config, _data) = (config, data);
        _ownsControl = control is null;
        Control = control ?? new TrainingControl();
    }

    /// <summary>Commands for the run: learning-rate changes, pause, resume and stop.</summary>
    public TrainingControl Control { get; }

    /// <summary>
    /// Trains until the last epoch, a stop, divergence or an error, blocking the calling thread. Divergence, stops and
    /// errors are outcomes, not exceptions.
    /// </summary>
    /// <param name="observer">Hears epoch reports and checkpoints.</param>
    /// <param name="resumeFrom">A checkpoint of this run's configuration to continue from, or null to start afresh.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="TrainingControl.Stop"/>.</param>
    public TrainingOutcome Run(ITrainingObserver? observer = null, byte[]? resumeFrom = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A training run can only be run once.");
        }

        var started = _options.Time.GetTimestamp();
        if (_options.MaxMemoryBytes is { } budget
            && TrainingMemoryCheck.Check(_config, _data, _options.CheckpointInterval > 0, budget) is { } tooLarge)
        {
            return new TrainingOutcome(TrainingStatus.Failed, tooLarge, 0, 0, new Dictionary<string, double>(), [], null, _options.Time.GetElapsedTime(started));
        }

        TorchRuntime.EnsureInitialized();
        var writer = _options.CheckpointInterval > 0
            ? new CheckpointWriter(_options.RunId, _options.CheckpointStore!, observer, _options.Time)
            : null;
        try
        {
            using var session = new Session(this, observer, writer, cancellationToken);
            if (resumeFrom is not null)
            {
                session.Restore(CheckpointSerializer.Deserialize(resumeFrom));
            }

            var outcome = session.Train();
            writer?.Drain();
            return outcome with { Duration = _options.Time.GetElapsedTime(started) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            writer?.Drain();
            return new TrainingOutcome(TrainingStatus.Failed, e.Message, 0, 0, new Dictionary<string, double>(), [], e, _options.Time.GetElapsedTime(started));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsControl)
        {
            Control.Dispose();
        }
    }

    /// <summary>A fingerprint of what a checkpoint must match: hyperparameters that shape the model and optimizer, and the data shape.</summary>
    internal string Fingerprint() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_options.ModelFactory.Architecture}|{_data.FeatureCount}->{_data.OutputCount}|{string.Join('x', _config.HiddenUnits)}|{_config.Activation}|bn={_config.BatchNorm}|{_config.Optimizer}");

    /// <summary>The shuffle order of an epoch, derived from the seed and the epoch alone so a resumed run reuses it.</summary>
    internal static long[] EpochPermutation(long seed, int epoch, int count)
    {
        var random = new Random(SeedMixer.Mix(seed, epoch));
        var order = new long[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return order;
    }

    /// <summary>The libtorch state of one <see cref="Run"/>; disposed when the run ends.</summary>
    private sealed class Session : IDisposable
    {
        private readonly TrainingRun _run;
        private readonly TrainingConfig _config;
        private readonly ITrainingObserver? _observer;
        private readonly CheckpointWriter? _writer;
        private readonly CancellationToken _cancellation;
        private readonly Generator _generator;
        private readonly nn.Module<Tensor, Tensor> _model;
        private readonly OptimizerHelper _optimizer;
        private readonly LearningRateController _learningRate;
        private readonly Tensor _trainX;
        private readonly Tensor _trainY;
        private readonly Tensor _validX;
        private readonly Tensor _validY;
        private readonly bool _classification;
        private readonly int _stepsPerEpoch;
        private readonly MemoryStream _modelBuffer = new();
        private readonly MemoryStream _optimizerBuffer = new();
        private int _epoch;
        private long _step;
        private double _bestTrainLoss = double.PositiveInfinity;
        private double _firstLoss = double.NaN;
        private double _appliedLearningRate = double.NaN;
        private int _reportedEvents;
        private IReadOnlyDictionary<string, double> _lastMetrics = new Dictionary<string, double>();

        public Session(TrainingRun run, ITrainingObserver? observer, CheckpointWriter? writer, CancellationToken cancellation)
        {
            (_run, _config, _observer, _writer, _cancellation) = (run, run._config, observer, writer, cancellation);
            var data = run._data;
            _classification = data.Task == TaskKind.Classification;
            _generator = new Generator((ulong)_config.Seed, CPU);
            _model = run._options.ModelFactory.Create(new ModelShape(data.FeatureCount, data.OutputCount), _config, _generator);
            _optimizer = OptimizerFactory.Create(_model.parameters(), _config);
            _stepsPerEpoch = (int)Math.Ceiling(data.Train.Count / (double)_config.BatchSize);
            _learningRate = new LearningRateController(LearningRateScheduleFactory.Create(_config), (long)_config.WarmupEpochs * _stepsPerEpoch);
            var tensors = DatasetTensors.Of(data);
            (_trainX, _trainY, _validX, _validY) = (tensors.TrainX, tensors.TrainY, tensors.ValidX, tensors.ValidY);
        }

        public void Restore(TrainingCheckpoint checkpoint)
        {
            var expected = _run.Fingerprint();
            if (checkpoint.Fingerprint != expected)
            {
                throw new CheckpointFormatException($"The checkpoint belongs to another configuration ({checkpoint.Fingerprint}, expected {expected}).");
            }

            using (var stream = new MemoryStream(checkpoint.Model.ToArray()))
            {
                _model.load(stream);
            }

            using (var reader = new BinaryReader(new MemoryStream(checkpoint.Optimizer.ToArray())))
            {
                _optimizer.load_state_dict(reader);
            }

            using (var state = tensor(checkpoint.Generator.ToArray(), ScalarType.Byte))
            {
                _generator.set_state(state);
            }

            _learningRate.Restore(checkpoint.LearningRate);
            (_epoch, _step, _bestTrainLoss, _firstLoss) = (checkpoint.Epoch, checkpoint.Step, checkpoint.BestTrainLoss, checkpoint.FirstLoss);
            _reportedEvents = checkpoint.LearningRate.Events.Count;
        }

        public TrainingOutcome Train()
        {
            var time = _run._options.Time;
            while (_epoch < _config.Epochs)
            {
                var epoch = _epoch + 1;
                var started = time.GetTimestamp();
                var (stopped, trainLoss, samples) = TrainEpoch(epoch);
                if (stopped is not null)
                {
                    return stopped;
                }

                _epoch = epoch;
                var metrics = Evaluate(trainLoss);
                _learningRate.OnEpochEnd(epoch, metrics[MetricNames.ValidationLoss]);
                _lastMetrics = metrics;
                var elapsed = time.GetElapsedTime(started);
                var events = _learningRate.Events;
                var newEvents = events.Skip(_reportedEvents).ToArray();
                _reportedEvents = events.Count;
                _observer?.OnEpochCompleted(new EpochReport(
                    _run._options.RunId, epoch, _step, metrics, _learningRate.Current, newEvents, elapsed, samples / Math.Max(elapsed.TotalSeconds, 1e-9)));

                if (Diverged(trainLoss) is { } reason)
                {
                    return Outcome(TrainingStatus.Diverged, reason);
                }

                _bestTrainLoss = Math.Min(_bestTrainLoss, trainLoss);
                var interval = _run._options.CheckpointInterval;
                if (_writer is not null && (epoch % interval == 0 || epoch == _config.Epochs))
                {
                    _writer.Drain();
                    var captureStarted = time.GetTimestamp();
                    var checkpoint = Capture();
                    _writer.Enqueue(checkpoint, time.GetElapsedTime(captureStarted));
                }
            }

            return Outcome(TrainingStatus.Completed, null);
        }

        private (TrainingOutcome? Stopped, double MeanLoss, int Samples) TrainEpoch(int epoch)
        {
            var count = (int)_trainX.shape[0];
            using var epochScope = NewDisposeScope();
            var order = tensor(EpochPermutation(_config.Seed, epoch, count));
            var x = _trainX.index_select(0, order);
            var y = _trainY.index_select(0, order);
            _model.train();
            double lossSum = 0;
            var samples = 0;
            for (var start = 0; start < count; start += _config.BatchSize)
            {
                var size = Math.Min(_config.BatchSize, count - start);
                if (size == 1 && _config.BatchNorm && start > 0)
                {
                    break; // batch norm cannot train on a single sample; the last one waits for the next epoch's shuffle
                }

                if (Interrupted() is { } interruption)
                {
                    return (interruption, 0, samples);
                }

                _step++;
                ApplyLearningRate(epoch);
                using var stepScope = NewDisposeScope();
                _optimizer.zero_grad();
                var output = _model.forward(x.narrow(0, start, size));
                var loss = Loss(output, y.narrow(0, start, size));
                var value = loss.item<float>();
                if (!float.IsFinite(value))
                {
                    return (Outcome(TrainingStatus.Diverged, string.Create(CultureInfo.InvariantCulture, $"loss became {value} at epoch {epoch}, step {_step}")), 0, samples);
                }

                if (double.IsNaN(_firstLoss))
                {
                    _firstLoss = value;
                }

                loss.backward();
                if (_config.GradientClipNorm > 0)
                {
                    nn.utils.clip_grad_norm_(_model.parameters(), _config.GradientClipNorm);
                }

                _optimizer.step();
                lossSum += (double)value * size;
                samples += size;
            }

            return (null, lossSum / Math.Max(samples, 1), samples);
        }

        private TrainingOutcome? Interrupted()
        {
            var control = _run.Control;
            if (control.IsPauseRequested)
            {
                control.WaitWhilePaused(_cancellation);
            }

            return control.IsStopRequested || _cancellation.IsCancellationRequested
                ? Outcome(TrainingStatus.Stopped, "stopped on request")
                : null;
        }

        private void ApplyLearningRate(int epoch)
        {
            var control = _run.Control;
            while (control.HasPendingCommands && control.TryTakeCommand(out var command))
            {
                _learningRate.Apply(command, epoch, _step);
            }

            var rate = _learningRate.ForStep(epoch, _step);
            if (rate != _appliedLearningRate)
            {
                foreach (var group in _optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                _appliedLearningRate = rate;
            }
        }

        private Tensor Loss(Tensor output, Tensor target) => _classification
            ? nn.functional.cross_entropy(output, target)
            : nn.functional.mse_loss(output, target);

        private Dictionary<string, double> Evaluate(double trainLoss)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            _model.eval();
            var output = _model.forward(_validX);
            var metrics = new Dictionary<string, double>
            {
                [MetricNames.TrainLoss] = trainLoss,
                [MetricNames.ValidationLoss] = Loss(output, _validY).item<float>(),
            };
            if (_classification)
            {
                var correct = output.argmax(1).eq(_validY).sum().item<long>();
                metrics[MetricNames.ValidationAccuracy] = correct / (double)_validY.shape[0];
            }
            else
            {
                var mse = metrics[MetricNames.ValidationLoss];
                var variance = _validY.var(0, unbiased: false).item<float>();
                metrics[MetricNames.ValidationRmse] = Math.Sqrt(mse);
                metrics[MetricNames.ValidationR2] = variance > 0 ? 1 - (mse / variance) : 0;
            }

            return metrics;
        }

        private string? Diverged(double trainLoss) =>
            DivergenceRule.Check(trainLoss, _bestTrainLoss, _firstLoss, _run._options.DivergenceFactor, _epoch);

        /// <summary>Captures the run's state into buffers reused from one checkpoint to the next.</summary>
        private TrainingCheckpoint Capture()
        {
            _modelBuffer.SetLength(0);
            using (var writer = new BinaryWriter(_modelBuffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                _model.save(writer);
            }

            _optimizerBuffer.SetLength(0);
            using (var writer = new BinaryWriter(_optimizerBuffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                _optimizer.save_state_dict(writer);
            }

            using var state = _generator.get_state();
            return new TrainingCheckpoint
            {
                Epoch = _epoch,
                Step = _step,
                BestTrainLoss = _bestTrainLoss,
                FirstLoss = _firstLoss,
                Fingerprint = _run.Fingerprint(),
                LearningRate = _learningRate.Save(),
                Model = _modelBuffer.GetBuffer().AsMemory(0, (int)_modelBuffer.Length),
                Optimizer = _optimizerBuffer.GetBuffer().AsMemory(0, (int)_optimizerBuffer.Length),
                Generator = state.data<byte>().ToArray(),
            };
        }

        private TrainingOutcome Outcome(TrainingStatus status, string? reason) =>
            new(status, reason, _epoch, _step, _lastMetrics, [.. _learningRate.Events]);

        public void Dispose()
        {
            _optimizer.Dispose();
            _model.Dispose();
            _generator.Dispose();
        }
    }
}
