using System.Globalization;
using System.Text;
using HyperTune.Search.Metrics;
using HyperTune.Search.Randomness;
using HyperTune.Search.Specs;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Configuration;
using HyperTune.Training.Control;
using HyperTune.Training.Engine;
using HyperTune.Training.Schedules;

namespace HyperTune.Training.Synthetic;

/// <summary>
/// One run of the synthetic trainable. An epoch is one step: pending learning-rate commands are applied, the schedule
/// gives the epoch's rate, the epoch's time passes (a pause stops the clock, a stop ends the run at once), then the
/// response surface gives the metrics. A NaN loss ends the run as diverged without a report, as in the real engine.
/// </summary>
internal sealed class SyntheticRun
{
    private const string FingerprintPrefix = "synthetic|v1|";

    private readonly TrainableRunRequest _request;
    private readonly ITrainingObserver? _observer;
    private readonly TrainingRunOptions _options;
    private readonly TrainingControl _control;
    private readonly TimeProvider _time;
    private readonly TimeSpan _epochDuration;
    private readonly TrainingConfig _config;
    private readonly SyntheticResponseSurface _surface;
    private readonly LearningRateController _learningRate;
    private readonly string _fingerprint;
    private PortableRandom _noise;
    private SyntheticCurve _curve;
    private int _epoch;
    private double _bestTrainLoss = double.PositiveInfinity;
    private double _firstLoss;
    private int _reportedEvents;
    private IReadOnlyDictionary<string, double> _lastMetrics = new Dictionary<string, double>();

    /// <summary>Binds the config (the engine's catalog and defaults) and sets the curve at its start.</summary>
    /// <exception cref="ArgumentException">The hyperparameters are not the engine's.</exception>
    public SyntheticRun(TrainableRunRequest request, ITrainingObserver? observer)
    {
        _request = request;
        _observer = observer;
        _options = request.Options;
        _control = request.Control;
        _time = _options.Time;
        _epochDuration = request.Trainable.EpochDuration;
        _config = TrainingConfigBinder.Bind(request.Hyperparameters.ToDictionary(), request.Seed) with { Epochs = request.Epochs };
        var task = request.Dataset.ResolveTask();
        _surface = new SyntheticResponseSurface(_config, task);
        _learningRate = new LearningRateController(LearningRateScheduleFactory.Create(_config), _config.WarmupEpochs);
        _fingerprint = FingerprintPrefix + task.ToString().ToLowerInvariant();
        _noise = new PortableRandom(request.Seed);
        _curve = _surface.Initial;
        _firstLoss = _surface.StartLoss;
    }

    public async Task<TrainingOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var writer = _options.CheckpointInterval > 0
            ? new CheckpointWriter(_options.RunId, _options.CheckpointStore!, _observer, _time)
            : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_control.StopToken, cancellationToken);
        try
        {
            if (_request.ResumeFrom is { } resumeFrom)
            {
                Restore(CheckpointSerializer.Deserialize(resumeFrom));
            }

            var outcome = await TrainAsync(writer, stop.Token).ConfigureAwait(false);
            writer?.Drain();
            return outcome with { Duration = _time.GetElapsedTime(started) };
        }
        catch (Exception e)
        {
            writer?.Drain();
            return new TrainingOutcome(TrainingStatus.Failed, e.Message, _epoch, _epoch, _lastMetrics, [.. _learningRate.Events], e, _time.GetElapsedTime(started));
        }
    }

    private async Task<TrainingOutcome> TrainAsync(CheckpointWriter? writer, CancellationToken stop)
    {
        while (_epoch < _config.Epochs)
        {
            var epoch = _epoch + 1;
            var epochStarted = _time.GetTimestamp();
            if (!await WaitWhilePausedAsync(stop).ConfigureAwait(false))
            {
                return Outcome(TrainingStatus.Stopped, "stopped on request");
            }

            // One step per epoch: commands queued during the last epoch take effect now.
            while (_control.HasPendingCommands && _control.TryTakeCommand(out var command))
            {
                _learningRate.Apply(command, epoch, epoch);
            }

            var rate = _learningRate.ForStep(epoch, epoch);
            if (!await PassEpochAsync(stop).ConfigureAwait(false))
            {
                return Outcome(TrainingStatus.Stopped, "stopped on request");
            }

            var (curve, metrics) = _surface.Epoch(_curve, rate, _noise);
            var trainLoss = metrics[MetricNames.TrainLoss];
            if (double.IsNaN(trainLoss))
            {
                return Outcome(TrainingStatus.Diverged, string.Create(CultureInfo.InvariantCulture, $"loss became NaN at epoch {epoch}, step {epoch}"));
            }

            (_curve, _epoch, _lastMetrics) = (curve, epoch, metrics);
            _learningRate.OnEpochEnd(epoch, metrics[MetricNames.ValidationLoss]);
            var events = _learningRate.Events;
            var newEvents = events.Skip(_reportedEvents).ToArray();
            _reportedEvents = events.Count;
            _observer?.OnEpochCompleted(new EpochReport(_options.RunId, epoch, epoch, metrics, _learningRate.Current, newEvents, _time.GetElapsedTime(epochStarted), 0));

            if (DivergenceRule.Check(trainLoss, _bestTrainLoss, _firstLoss, _options.DivergenceFactor, epoch) is { } reason)
            {
                return Outcome(TrainingStatus.Diverged, reason);
            }

            _bestTrainLoss = Math.Min(_bestTrainLoss, trainLoss);
            if (writer is not null && (epoch % _options.CheckpointInterval == 0 || epoch == _config.Epochs))
            {
                writer.Drain();
                var captureStarted = _time.GetTimestamp();
                var checkpoint = Capture();
                writer.Enqueue(checkpoint, _time.GetElapsedTime(captureStarted));
            }
        }

        return Outcome(TrainingStatus.Completed, null);
    }

    /// <summary>Waits while paused; false when the run is stopped.</summary>
    private async Task<bool> WaitWhilePausedAsync(CancellationToken stop)
    {
        try
        {
            await _control.WaitWhilePausedAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return !stop.IsCancellationRequested;
    }

    /// <summary>
    /// Lets the epoch's time pass on a timer of the time provider; a pause stops the clock until the run resumes. False
    /// when the run is stopped.
    /// </summary>
    private async Task<bool> PassEpochAsync(CancellationToken stop)
    {
        var remaining = _epochDuration;
        if (remaining <= TimeSpan.Zero)
        {
            // As fast as possible, but never a loop that keeps a pool thread from the rest of the silo.
            await Task.Yield();
            return !stop.IsCancellationRequested;
        }

        while (remaining > TimeSpan.Zero)
        {
            if (!await WaitWhilePausedAsync(stop).ConfigureAwait(false))
            {
                return false;
            }

            // The change is taken before the pause is looked at, so a pause that comes now is not missed.
            var change = _control.NextChange;
            if (_control.IsPauseRequested)
            {
                continue;
            }

            var started = _time.GetTimestamp();
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = Task.Delay(remaining, _time, tick.Token);
            if (await Task.WhenAny(delay, change).ConfigureAwait(false) == delay)
            {
                return !delay.IsCanceled;
            }

            // A pause, resume or stop came while the clock ran: stop the timer and look again.
            await tick.CancelAsync().ConfigureAwait(false);
            remaining -= _time.GetElapsedTime(started);
        }

        return !stop.IsCancellationRequested;
    }

    private void Restore(TrainingCheckpoint checkpoint)
    {
        if (checkpoint.Fingerprint != _fingerprint)
        {
            throw new CheckpointFormatException($"The checkpoint belongs to another trainable ({checkpoint.Fingerprint}, expected {_fingerprint}).");
        }

        _curve = SyntheticCurve.FromBytes(checkpoint.Model.Span);
        try
        {
            _noise = PortableRandom.FromState(Encoding.ASCII.GetString(checkpoint.Generator.Span));
        }
        catch (FormatException e)
        {
            throw new CheckpointFormatException("The checkpoint's random state is not usable.", e);
        }

        _learningRate.Restore(checkpoint.LearningRate);
        (_epoch, _bestTrainLoss, _firstLoss) = (checkpoint.Epoch, checkpoint.BestTrainLoss, checkpoint.FirstLoss);
        _reportedEvents = checkpoint.LearningRate.Events.Count;
    }

    /// <summary>The run's state: the curve (as the model), the noise generator's state and the engine's counters.</summary>
    private TrainingCheckpoint Capture() => new()
    {
        Epoch = _epoch,
        Step = _epoch,
        BestTrainLoss = _bestTrainLoss,
        FirstLoss = _firstLoss,
        Fingerprint = _fingerprint,
        LearningRate = _learningRate.Save(),
        Model = _curve.ToBytes(),
        Optimizer = ReadOnlyMemory<byte>.Empty,
        Generator = Encoding.ASCII.GetBytes(_noise.SaveState()),
    };

    private TrainingOutcome Outcome(TrainingStatus status, string? reason) =>
        new(status, reason, _epoch, _epoch, _lastMetrics, [.. _learningRate.Events]);
}
