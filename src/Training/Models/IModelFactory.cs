using HyperTune.Training.Configuration;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperTune.Training.Models;

/// <summary>
/// Builds a model from hyperparameters. The training loop only sees a module mapping a batch of features to
/// outputs, so other architectures plug in by implementing this interface.
/// </summary>
public interface IModelFactory
{
    /// <summary>The architecture's name, e.g. <c>mlp</c>.</summary>
    string Architecture { get; }

    /// <summary>Creates a model whose parameters are initialized from <paramref name="generator"/> only.</summary>
    nn.Module<Tensor, Tensor> Create(ModelShape shape, TrainingConfig config, Generator generator);
}
