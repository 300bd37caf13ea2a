using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Limits;
using HyperTune.Search.RangeTest;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Configuration;
using HyperTune.Training.Control;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.RangeTest;
using HyperTune.Training.Runtime;
using Microsoft.Extensions.Options;

namespace HyperTune.Grains.Training;

/// <summary>
/// The silo's training service: it runs each trial's <see cref="TrainingRun"/> on a dedicated thread — never in a
/// grain turn — loading its dataset there too, and hands progress back through a channel.
/// </summary>
public sealed class TrialTrainer : IDisposable
{
    private readonly TrainingHostOptions _options;
    private readonly ICheckpointStore _checkpoints;
    private readonly DatasetCatalog _datasets;
    private readonly ConcurrentDictionary<string, TrainingControl> _training = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly long _maxMemoryBytes;

    /// <summary>Creates the service.</summary>
    public TrialTrainer(IOptions<TrainingHostOptions> options, ICheckpointStore checkpoints, DatasetCatalog datasets, SiloLimits limits, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        (_options, _checkpoints, _datasets, _time) = (options.Value, checkpoints, datasets, time ?? TimeProvider.System);
        _maxMemoryBytes = limits.Current.MaxTrainingMemoryBytes;
        _slots = new SemaphoreSlim(Math.Max(_options.Slots, 1));
    }

    /// <summary>Stops every training thread of the silo (at its next step); called when the silo shuts down.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var control in _training.Values)
        {
            control.Stop();
        }

        // Neither the token source nor the semaphore is disposed: training threads may still touch them on their way out.
    }

    /// <summary>The trials training on this silo now.</summary>
    public ImmutableArray<string> TrainingTrialIds => [.. _training.Keys];

    /// <summary>Starts training a trial on a new thread.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="request">Its hyperparameters, data and limits.</param>
    /// <param name="signalled">Called on the training thread after each signal is written (must be quick).</param>
    /// <param name="resume">Where to continue from; null to start afresh.</param>
    internal TrainingHandle Start(string trialId, TrialStartRequest request, Action signalled, ResumePlan? resume = null)
    {
        var channel = Channel.CreateUnbounded<TrainingSignal>(new UnboundedChannelOptions { SingleReader = true });
        var control = new TrainingControl();
        if (resume is not null)
        {
            if (resume.Paused)
            {
                control.Pause();
            }

            foreach (var command in resume.Commands ?? [])
            {
                control.Send(command);
            }
        }

        _training[trialId] = control;
        var thread = new Thread(() => Train(trialId, request, resume, control, new SignallingWriter(channel.Writer, signalled)))
        {
            IsBackground = true,
            Name = "train " + trialId,
        };
        thread.Start();
        return new TrainingHandle(control, channel.Reader);
    }

    /// <summary>
    /// Runs a learning-rate range test on a new thread (loading its dataset there); the task ends with the result, or
    /// faults with the error (an invalid config, unreadable data, no finite loss) or when cancelled.
    /// </summary>
    /// <param name="id">The test, for the thread's name.</param>
    /// <param name="request">What to train and how to ramp.</param>
    /// <param name="onStep">Called on the test's thread with each step (must be quick).</param>
    /// <param name="cancellationToken">Stops the ramp between two steps; the silo's shutdown stops it too.</param>
    internal Task<RangeTestResult> RunRangeTest(string id, LearningRateRangeTestRequest request, Action<RangeTestPoint> onStep, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<RangeTestResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
                var (config, data) = Prepare(request.Config, request.Seed, request.Dataset);
                if (TrainingMemoryCheck.Check(config, data, checkpoints: false, _maxMemoryBytes) is { } tooLarge)
                {
                    throw new InvalidOperationException(tooLarge);
                }

                done.SetResult(new LearningRateRangeTest(config, data, request.Options).Run(stop.Token, onStep));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "lr range test " + id,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// The training thread: waits for one of the silo's training slots (a trial started ahead — a standby trial —
    /// takes over a freed slot at once, with no round trip through its study), trains, and gives the slot back before
    /// it reports the end.
    /// </summary>
    private void Train(string trialId, TrialStartRequest request, ResumePlan? resume, TrainingControl control, SignallingWriter writer)
    {
        TrainingOutcome outcome;
        DateTimeOffset endedAt;
        var holdsSlot = false;
        try
        {
            // The slot first: a standby trial takes over a freed slot at once, and a trial whose data never arrives
            // (or a resume that hangs) is a Running trial the study's report timeout catches.
            holdsSlot = WaitForSlot(control);
            if (!holdsSlot)
            {
                outcome = new TrainingOutcome(TrainingStatus.Stopped, "stopped before it started training", 0, 0, new Dictionary<string, double>(), []);
            }
            else
            {
                writer.Write(new TrainingSignal.Started(_time.GetUtcNow()));
                var resumeFrom = resume is null ? null : FindUsableCheckpoint(resume, writer);
                var (config, data) = Prepare(request.Config, request.Seed, request.Dataset);
                config = config with { Epochs = request.MaxEpochs };
                var options = new TrainingRunOptions
                {
                    RunId = trialId,
                    CheckpointInterval = request.CheckpointInterval,
                    CheckpointStore = request.CheckpointInterval > 0 ? _checkpoints : null,
                    MaxMemoryBytes = _maxMemoryBytes,
                };
                using var run = new TrainingRun(config, data, options, control);
                outcome = run.Run(new ChannelTrainingObserver(writer), resumeFrom);
            }
        }
        catch (Exception e)
        {
            outcome = new TrainingOutcome(TrainingStatus.Failed, e.Message, 0, 0, new Dictionary<string, double>(), [], e);
        }
        finally
        {
            // The end is timed before the slot is given back: the next run's start is never before this run's end.
            endedAt = _time.GetUtcNow();
            if (holdsSlot)
            {
                _slots.Release();
            }
        }

        // A recovered trial may already train again on a newer thread: remove only this run's control.
        _training.TryRemove(KeyValuePair.Create(trialId, control));
        writer.Complete(new TrainingSignal.Ended(outcome, endedAt));
    }

    /// <summary>Waits for a training slot of the silo; false when the run was stopped (or the silo stops) first.</summary>
    private bool WaitForSlot(TrainingControl control)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(control.StopToken, _stopping.Token);
        try
        {
            _slots.Wait(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        // A waiter woken by the stop may still find the slot free (given back meanwhile) and take it: hand it on.
        if (control.IsStopRequested || _stopping.IsCancellationRequested)
        {
            _slots.Release();
            return false;
        }

        return true;
    }

    /// <summary>
    /// The newest of the plan's checkpoints that loads and passes its integrity check; each one skipped is reported in
    /// the <see cref="TrainingSignal.Resumed"/> signal, and none usable means training from scratch.
    /// </summary>
    private byte[]? FindUsableCheckpoint(ResumePlan plan, SignallingWriter writer)
    {
        if (plan.Loaded is { } loaded)
        {
            writer.Write(new TrainingSignal.Resumed(loaded.Epoch, loaded.Source, []));
            return loaded.Data;
        }

        var skipped = new List<string>();
        foreach (var candidate in plan.Candidates)
        {
            byte[]? data;
            try
            {
                data = _checkpoints.LoadAsync(candidate.RunId, candidate.Epoch).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                skipped.Add($"the checkpoint of {candidate.RunId} at epoch {candidate.Epoch} could not be read: {e.Message}");
                continue;
            }

            if (data is null)
            {
                skipped.Add($"the checkpoint of {candidate.RunId} at epoch {candidate.Epoch} is missing");
                continue;
            }

            try
            {
                var checkpoint = CheckpointSerializer.Deserialize(data);
                writer.Write(new TrainingSignal.Resumed(checkpoint.Epoch, candidate, skipped));
                return data;
            }
            catch (CheckpointFormatException e)
            {
                skipped.Add($"the checkpoint of {candidate.RunId} at epoch {candidate.Epoch} is unusable: {e.Message}");
            }
        }

        writer.Write(new TrainingSignal.Resumed(0, null, skipped));
        return null;
    }

    /// <summary>Reads a checkpoint and checks its integrity; null with the problem when it is missing or unusable.</summary>
    internal async Task<(LoadedCheckpoint? Checkpoint, string? Problem)> LoadAsync(CheckpointSource source)
    {
        try
        {
            var data = await _checkpoints.LoadAsync(source.RunId, source.Epoch).ConfigureAwait(false);
            if (data is null)
            {
                return (null, $"the checkpoint of {source.RunId} at epoch {source.Epoch} is missing");
            }

            return (new LoadedCheckpoint(source, CheckpointSerializer.Deserialize(data).Epoch, data), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or CheckpointFormatException)
        {
            return (null, $"the checkpoint of {source.RunId} at epoch {source.Epoch} is unusable: {e.Message}");
        }
    }

    /// <summary>
    /// On the calling (training) thread: libtorch set up, the engine config bound from the hyperparameters, the data
    /// loaded or taken from the cache. Dataset paths stay as the spec gives them: the catalog's sources find them inside
    /// the silo's data roots, and their errors name them that way.
    /// </summary>
    private (TrainingConfig Config, PreparedDataset Data) Prepare(HyperTune.Search.Values.TrialConfig hyperparameters, long seed, HyperTune.Search.Specs.DatasetSpec dataset)
    {
        TorchRuntime.EnsureInitialized(_options.TorchThreads);
        var parameters = new Dictionary<string, object>(hyperparameters.ToDictionary(), StringComparer.Ordinal);
        return (TrainingConfigBinder.Bind(parameters, seed), _datasets.GetOrLoad(dataset));
    }
}
