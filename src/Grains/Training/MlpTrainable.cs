using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using HyperTune.Training.Configuration;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.Runtime;
using Microsoft.Extensions.Options;

namespace HyperTune.Grains.Training;

/// <summary>
/// The TorchSharp MLP as a trainable of the silo: on the run's own thread it sets up libtorch, loads the dataset (or
/// takes it from the silo's cache) and runs a <see cref="TrainingRun"/> within the memory budget of its options.
/// </summary>
public sealed class MlpTrainable(IOptions<TrainingHostOptions> options, DatasetCatalog datasets) : ITrainable
{
    private readonly TrainingHostOptions _options = options.Value;

    /// <inheritdoc />
    public string Kind => TrainableKinds.Mlp;

    /// <inheritdoc />
    public bool NeedsThread => true;

    /// <inheritdoc />
    /// <remarks>
    /// Trains on the calling thread and returns a completed task. The run stops through its control;
    /// <paramref name="cancellationToken"/> is not used.
    /// </remarks>
    public Task<TrainingOutcome> RunAsync(TrainableRunRequest request, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (config, data) = Prepare(request.Hyperparameters, request.Seed, request.Dataset);
        using var run = new TrainingRun(config with { Epochs = request.Epochs }, data, request.Options, request.Control);
        return Task.FromResult(run.Run(observer, request.ResumeFrom));
    }

    /// <summary>
    /// On the calling (training) thread: libtorch set up, the engine config bound from the hyperparameters, the data
    /// loaded or taken from the cache. Dataset paths stay as the spec gives them: the catalog's sources find them inside
    /// the silo's data roots, and their errors name them that way.
    /// </summary>
    internal (TrainingConfig Config, PreparedDataset Data) Prepare(TrialConfig hyperparameters, long seed, DatasetSpec dataset)
    {
        TorchRuntime.EnsureInitialized(_options.TorchThreads);
        var parameters = new Dictionary<string, object>(hyperparameters.ToDictionary(), StringComparer.Ordinal);
        return (TrainingConfigBinder.Bind(parameters, seed), datasets.GetOrLoad(dataset));
    }
}
