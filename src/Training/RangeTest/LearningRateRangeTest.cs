using HyperTune.Search;
using HyperTune.Search.RangeTest;
using HyperTune.Training.Configuration;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.Models;
using HyperTune.Training.Optimization;
using HyperTune.Training.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperTune.Training.RangeTest;

/// <summary>
/// The learning-rate range test (Smith 2017; fastai's <c>lr_find</c>) for one model and optimizer: trains a fresh
/// model built from a <see cref="TrainingConfig"/> (the engine's model and optimizer factories, its data tensors and
/// epoch shuffle) for up to <see cref="LearningRateRangeTestOptions.Steps"/> mini-batches, setting the learning rate of
/// step i to the exponential ramp's, recording each step's loss, and stopping by the rules of
/// <see cref="LearningRateRangeAnalyzer"/>. The result is the curve, the suggested learning rate and search bounds.
/// </summary>
/// <remarks>
/// The config's learning rate and schedule are ignored (the ramp sets the rate); everything else (optimizer and its
/// settings, model shape, batch size, gradient clipping, seed) is used as a trial would. Blocks the calling thread for
/// about as long as the same number of training steps; run it on a thread of its own.
/// </remarks>
public sealed class LearningRateRangeTest
{
    private readonly TrainingConfig _config;
    private readonly PreparedDataset _data;
    private readonly LearningRateRangeTestOptions _options;
    private readonly IModelFactory _modelFactory;

    /// <summary>Prepares a test; nothing is allocated in libtorch until <see cref="Run"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public LearningRateRangeTest(TrainingConfig config, PreparedDataset data, LearningRateRangeTestOptions? options = null, IModelFactory? modelFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        _options = options ?? new LearningRateRangeTestOptions();
        _options.Validate();
        (_config, _data, _modelFactory) = (config, data, modelFactory ?? MlpModelFactory.Instance);
    }

    /// <summary>Runs the ramp and analyses it.</summary>
    /// <param name="cancellationToken">Stops the ramp between two steps.</param>
    /// <param name="onStep">Called on the running thread with each step as it is recorded (must be quick).</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RangeTestResult Run(CancellationToken cancellationToken = default, Action<RangeTestPoint>? onStep = null)
    {
        TorchRuntime.EnsureInitialized();
        var analyzer = new LearningRateRangeAnalyzer(_options);
        var classification = _data.Task == TaskKind.Classification;
        using var generator = new Generator((ulong)_config.Seed, CPU);
        using var model = _modelFactory.Create(new ModelShape(_data.FeatureCount, _data.OutputCount), _config, generator);
        using var optimizer = OptimizerFactory.Create(model.parameters(), _config);
        var tensors = DatasetTensors.Of(_data);
        var count = (int)tensors.TrainX.shape[0];
        model.train();
        DisposeScope? epochScope = null;
        try
        {
            var (epoch, start) = (0, count);
            Tensor? x = null;
            Tensor? y = null;
            while (!analyzer.IsDone)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (start >= count || (_config.BatchNorm && count - start == 1))
                {
                    epochScope?.Dispose();
                    epochScope = NewDisposeScope();
                    epoch++;
                    var order = tensor(TrainingRun.EpochPermutation(_config.Seed, epoch, count));
                    (x, y, start) = (tensors.TrainX.index_select(0, order), tensors.TrainY.index_select(0, order), 0);
                }

                var size = Math.Min(_config.BatchSize, count - start);
                var learningRate = analyzer.NextLearningRate;
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = learningRate;
                }

                using var stepScope = NewDisposeScope();
                optimizer.zero_grad();
                var output = model.forward(x!.narrow(0, start, size));
                var target = y!.narrow(0, start, size);
                var loss = classification ? nn.functional.cross_entropy(output, target) : nn.functional.mse_loss(output, target);
                start += size;
                var more = analyzer.Add(learningRate, loss.item<float>());
                onStep?.Invoke(analyzer.Points[^1]);
                if (!more)
                {
                    break;
                }

                loss.backward();
                if (_config.GradientClipNorm > 0)
                {
                    nn.utils.clip_grad_norm_(model.parameters(), _config.GradientClipNorm);
                }

                optimizer.step();
            }
        }
        finally
        {
            epochScope?.Dispose();
        }

        return analyzer.Result();
    }
}
