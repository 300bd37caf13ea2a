using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using HyperTune.Abstractions.Trials;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Checkpoints;
using HyperTune.Training.Configuration;
using HyperTune.Training.Control;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.Runtime;
using Microsoft.Extensions.Options;

namespace HyperTune.Grains.Training;

/// <summary>
/// The silo's training service: it runs each trial's <see cref="TrainingRun"/> on a dedicated thread — never in a
/// grain turn — loading its dataset there too, and hands progress back through a channel.
/// </summary>
public sealed class TrialTrainer
{
    private readonly TrainingHostOptions _options;
    private readonly ICheckpointStore _checkpoints;
    private readonly DatasetCatalog _datasets;
    private readonly ConcurrentDictionary<string, TrainingControl> _training = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public TrialTrainer(IOptions<TrainingHostOptions> options, ICheckpointStore checkpoints, DatasetCatalog datasets)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _checkpoints, _datasets) = (options.Value, checkpoints, datasets);
    }

    /// <summary>The trials training on this silo now.</summary>
    public ImmutableArray<string> TrainingTrialIds => [.. _training.Keys];

    /// <summary>Starts training a trial on a new thread.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="request">Its hyperparameters, data and limits.</param>
    /// <param name="signalled">Called on the training thread after each signal is written (must be quick).</param>
    /// <param name="resumeFrom">A checkpoint to continue from.</param>
    internal TrainingHandle Start(string trialId, TrialStartRequest request, Action signalled, byte[]? resumeFrom = null)
    {
        var channel = Channel.CreateUnbounded<TrainingSignal>(new UnboundedChannelOptions { SingleReader = true });
        var control = new TrainingControl();
        _training[trialId] = control;
        var thread = new Thread(() => Train(trialId, request, resumeFrom, control, new SignallingWriter(channel.Writer, signalled)))
        {
            IsBackground = true,
            Name = "train " + trialId,
        };
        thread.Start();
        return new TrainingHandle(control, channel.Reader);
    }

    private void Train(string trialId, TrialStartRequest request, byte[]? resumeFrom, TrainingControl control, SignallingWriter writer)
    {
        TrainingOutcome outcome;
        try
        {
            TorchRuntime.EnsureInitialized(_options.TorchThreads);
            var parameters = new Dictionary<string, object>(request.Config.ToDictionary(), StringComparer.Ordinal);
            var config = TrainingConfigBinder.Bind(parameters, request.Seed);
            config = config with { Epochs = request.MaxEpochs };

            var data = _datasets.GetOrLoad(ResolvePaths(request.Dataset));
            var options = new TrainingRunOptions
            {
                RunId = trialId,
                CheckpointInterval = request.CheckpointInterval,
                CheckpointStore = request.CheckpointInterval > 0 ? _checkpoints : null,
            };
            using var run = new TrainingRun(config, data, options, control);
            outcome = run.Run(new ChannelTrainingObserver(writer), resumeFrom);
        }
        catch (Exception e)
        {
            outcome = new TrainingOutcome(TrainingStatus.Failed, e.Message, 0, 0, new Dictionary<string, double>(), [], e);
        }

        _training.TryRemove(trialId, out _);
        writer.Complete(new TrainingSignal.Ended(outcome));
    }

    private HyperTune.Search.Specs.DatasetSpec ResolvePaths(HyperTune.Search.Specs.DatasetSpec spec) => spec with
    {
        Path = Resolve(spec.Path),
        ValidationPath = Resolve(spec.ValidationPath),
    };

    private string? Resolve(string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(_options.DataDirectory, path));
}
