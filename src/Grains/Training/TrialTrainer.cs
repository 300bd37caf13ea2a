using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.RangeTests;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Limits;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Control;
using HyperTune.Training.Engine;
using HyperTune.Training.RangeTest;
using Microsoft.Extensions.Options;

namespace HyperTune.Grains.Training;

/// <summary>
/// The silo's training service: it runs each trial with the <see cref="ITrainable"/> of its spec's trainable kind —
/// never in a grain turn: a run that computes (the MLP) gets a dedicated thread from its start, which waits for a slot,
/// loads the dataset and trains; a run that only waits (the synthetic trainable) holds no thread and awaits its slot
/// and timers on the thread pool — and hands progress back through a channel. Real and synthetic runs wait for slots of
/// their own (<see cref="TrainingHostOptions.Slots"/>, <see cref="TrainingHostOptions.SyntheticSlots"/>).
/// </summary>
public sealed class TrialTrainer : IDisposable
{
    private readonly TrainingHostOptions _options;
    private readonly ICheckpointStore _checkpoints;
    private readonly MlpTrainable _mlp;
    private readonly Dictionary<string, ITrainable> _trainables;
    private readonly ConcurrentDictionary<string, ActiveRun> _training = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _syntheticSlots;
    private readonly TimeProvider _time;
    private readonly long _maxMemoryBytes;

    /// <summary>Creates the service.</summary>
    /// <param name="options">Slots, threads and directories.</param>
    /// <param name="checkpoints">Where runs write and find checkpoints.</param>
    /// <param name="mlp">The MLP, which also runs learning-rate range tests.</param>
    /// <param name="trainables">Every trainable the silo runs, keyed by <see cref="ITrainable.Kind"/>.</param>
    /// <param name="limits">The silo's limits: the training memory a run may use.</param>
    /// <param name="time">The clock; default the system's.</param>
    public TrialTrainer(
        IOptions<TrainingHostOptions> options, ICheckpointStore checkpoints, MlpTrainable mlp, IEnumerable<ITrainable> trainables, SiloLimits limits, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        (_options, _checkpoints, _mlp, _time) = (options.Value, checkpoints, mlp, time ?? TimeProvider.System);
        _maxMemoryBytes = limits.Current.MaxTrainingMemoryBytes;
        _trainables = trainables.Append(mlp).DistinctBy(t => t.Kind, StringComparer.Ordinal).ToDictionary(t => t.Kind, StringComparer.Ordinal);
        _slots = new SemaphoreSlim(Math.Max(_options.Slots, 1));
        _syntheticSlots = new SemaphoreSlim(_options.SyntheticSlots);
    }

    /// <summary>Stops every training run of the silo (at its next step or timer); called when the silo shuts down.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var run in _training.Values)
        {
            run.Control.Stop();
        }

        // Neither the token source nor the semaphores are disposed: training runs may still touch them on their way out.
    }

    /// <summary>The trials on this silo's real training slots now (or waiting for one).</summary>
    public ImmutableArray<string> TrainingTrialIds => TrialIdsOf(SlotKind.Real);

    /// <summary>The trials on this silo's synthetic slots now (or waiting for one).</summary>
    public ImmutableArray<string> SyntheticTrialIds => TrialIdsOf(SlotKind.Synthetic);

    /// <summary>Starts training a trial, off the calling grain's turn.</summary>
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

        var run = new ActiveRun(control, SlotKinds.For(request.Trainable));
        _training[trialId] = run;
        var writer = new SignallingWriter(channel.Writer, signalled);
        var trainable = _trainables.GetValueOrDefault(request.Trainable?.Kind ?? TrainableKinds.Mlp);
        if (trainable is { NeedsThread: false })
        {
            _ = Task.Run(() => TrainAsync(trialId, request, resume, run, trainable, writer, onOwnThread: false));
        }
        else
        {
            var thread = new Thread(() => TrainAsync(trialId, request, resume, run, trainable, writer, onOwnThread: true).GetAwaiter().GetResult())
            {
                IsBackground = true,
                Name = "train " + trialId,
            };
            thread.Start();
        }

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
                var (config, data) = _mlp.Prepare(request.Config, request.Seed, request.Dataset);
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
    /// A trial's training: waits for a slot of its kind (a trial started ahead — a standby trial — takes over a freed
    /// slot at once, with no round trip through its study), runs its trainable, and gives the slot back before it
    /// reports the end. <paramref name="onOwnThread"/>: it runs on a thread of its own, which every wait blocks, so the
    /// training stays on that thread and the task is complete when this returns; otherwise it awaits on the thread pool.
    /// </summary>
    private async Task TrainAsync(string trialId, TrialStartRequest request, ResumePlan? resume, ActiveRun run, ITrainable? trainable, SignallingWriter writer, bool onOwnThread)
    {
        TrainingOutcome outcome;
        DateTimeOffset endedAt;
        SemaphoreSlim? held = null;
        try
        {
            if (trainable is null)
            {
                throw new InvalidOperationException($"This silo cannot train the trainable kind '{request.Trainable?.Kind}'.");
            }

            // The slot first: a standby trial takes over a freed slot at once, and a trial whose data never arrives
            // (or a resume that hangs) is a Running trial the study's report timeout catches.
            var slots = SlotsOf(run.Kind);
            var gotSlot = onOwnThread ? WaitForSlot(slots, run.Control) : await WaitForSlotAsync(slots, run.Control).ConfigureAwait(false);
            held = gotSlot ? slots : null;
            if (held is null)
            {
                outcome = new TrainingOutcome(TrainingStatus.Stopped, "stopped before it started training", 0, 0, new Dictionary<string, double>(), []);
            }
            else
            {
                writer.Write(new TrainingSignal.Started(_time.GetUtcNow()));
                var finding = resume is null ? Task.FromResult<byte[]?>(null) : FindUsableCheckpointAsync(resume, writer);
                var resumeFrom = onOwnThread ? finding.GetAwaiter().GetResult() : await finding.ConfigureAwait(false);
                var runRequest = new TrainableRunRequest
                {
                    Hyperparameters = request.Config,
                    Seed = request.Seed,
                    Epochs = request.MaxEpochs,
                    Control = run.Control,
                    Dataset = request.Dataset,
                    Trainable = request.Trainable ?? TrainableSpec.Mlp,
                    ResumeFrom = resumeFrom,
                    Options = new TrainingRunOptions
                    {
                        RunId = trialId,
                        CheckpointInterval = request.CheckpointInterval,
                        CheckpointStore = request.CheckpointInterval > 0 ? _checkpoints : null,
                        MaxMemoryBytes = _maxMemoryBytes,
                        Time = _time,
                    },
                };
                var training = trainable.RunAsync(runRequest, new ChannelTrainingObserver(writer), _stopping.Token);
                outcome = onOwnThread ? training.GetAwaiter().GetResult() : await training.ConfigureAwait(false);
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
            held?.Release();
        }

        // A recovered trial may already train again on a newer run: remove only this run's entry.
        _training.TryRemove(KeyValuePair.Create(trialId, run));
        writer.Complete(new TrainingSignal.Ended(outcome, endedAt));
    }

    /// <summary>The slots runs of <paramref name="kind"/> wait for.</summary>
    /// <exception cref="InvalidOperationException">The silo offers no synthetic slots.</exception>
    private SemaphoreSlim SlotsOf(SlotKind kind) => kind switch
    {
        SlotKind.Synthetic when _options.SyntheticSlots == 0 => throw new InvalidOperationException("This silo offers no synthetic slots (HyperTune:Training:SyntheticSlots is 0)."),
        SlotKind.Synthetic => _syntheticSlots,
        _ => _slots,
    };

    private ImmutableArray<string> TrialIdsOf(SlotKind kind) => [.. _training.Where(r => r.Value.Kind == kind).Select(r => r.Key)];

    /// <summary>Waits for one of <paramref name="slots"/>, blocking the thread; false when the run was stopped (or the silo stops) first.</summary>
    private bool WaitForSlot(SemaphoreSlim slots, TrainingControl control)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(control.StopToken, _stopping.Token);
        try
        {
            slots.Wait(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return KeepSlot(slots, control);
    }

    /// <summary>Waits for one of <paramref name="slots"/> without a thread; false when the run was stopped (or the silo stops) first.</summary>
    private async Task<bool> WaitForSlotAsync(SemaphoreSlim slots, TrainingControl control)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(control.StopToken, _stopping.Token);
        try
        {
            await slots.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return KeepSlot(slots, control);
    }

    /// <summary>A waiter woken by the stop may still find the slot free (given back meanwhile) and take it: it hands it on.</summary>
    private bool KeepSlot(SemaphoreSlim slots, TrainingControl control)
    {
        if (control.IsStopRequested || _stopping.IsCancellationRequested)
        {
            slots.Release();
            return false;
        }

        return true;
    }

    /// <summary>
    /// The newest of the plan's checkpoints that loads and passes its integrity check; each one skipped is reported in
    /// the <see cref="TrainingSignal.Resumed"/> signal, and none usable means training from scratch.
    /// </summary>
    private async Task<byte[]?> FindUsableCheckpointAsync(ResumePlan plan, SignallingWriter writer)
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
                data = await _checkpoints.LoadAsync(candidate.RunId, candidate.Epoch).ConfigureAwait(false);
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

    /// <summary>A run on this silo: its control and the kind of slot it holds or waits for.</summary>
    private sealed record ActiveRun(TrainingControl Control, SlotKind Kind);
}
