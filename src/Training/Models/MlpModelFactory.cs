using HyperTune.Training.Configuration;
using static TorchSharp.torch;

namespace HyperTune.Training.Models;

/// <summary>Builds <see cref="MlpModel"/>s: the default architecture.</summary>
public sealed class MlpModelFactory : IModelFactory
{
    /// <summary>The shared instance.</summary>
    public static readonly MlpModelFactory Instance = new();

    /// <inheritdoc />
    public string Architecture => "mlp";

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Create(ModelShape shape, TrainingConfig config, Generator generator) => new MlpModel(shape, config, generator);
}
