using HyperTune.Training.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperTune.Training.Models;

/// <summary>
/// A feed-forward network: for each hidden layer Linear → (BatchNorm) → activation → (dropout), then a Linear output.
/// </summary>
public sealed class MlpModel : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _layers = new();

    /// <summary>Builds the network and initializes its weights from <paramref name="generator"/>.</summary>
    public MlpModel(ModelShape shape, TrainingConfig config, Generator generator)
        : base(nameof(MlpModel))
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(config);
        if (config.HiddenUnits.Count is < 1 or > 8)
        {
            throw new ArgumentException($"An MLP has 1 to 8 hidden layers, not {config.HiddenUnits.Count}.", nameof(config));
        }

        var width = shape.Inputs;
        foreach (var units in config.HiddenUnits)
        {
            _layers.Add(InitializedLinear(width, units, generator));
            if (config.BatchNorm)
            {
                _layers.Add(nn.BatchNorm1d(units));
            }

            _layers.Add(Activation(config.Activation));
            if (config.Dropout > 0)
            {
                _layers.Add(new SeededDropout(config.Dropout, generator));
            }

            width = units;
        }

        _layers.Add(InitializedLinear(width, shape.Outputs, generator));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.forward(x);
        }

        return x;
    }

    /// <summary>A linear layer initialized like PyTorch's default (uniform in ±1/√fan_in), but from the run's generator.</summary>
    private static Linear InitializedLinear(int inputs, int outputs, Generator generator)
    {
        var linear = nn.Linear(inputs, outputs);
        var bound = 1.0 / Math.Sqrt(inputs);
        using (no_grad())
        {
            linear.weight!.uniform_(-bound, bound, generator);
            linear.bias!.uniform_(-bound, bound, generator);
        }

        return linear;
    }

    private static nn.Module<Tensor, Tensor> Activation(ActivationKind kind) => kind switch
    {
        ActivationKind.Relu => nn.ReLU(),
        ActivationKind.LeakyRelu => nn.LeakyReLU(0.01),
        ActivationKind.Gelu => nn.GELU(),
        ActivationKind.Elu => nn.ELU(),
        ActivationKind.Tanh => nn.Tanh(),
        ActivationKind.Sigmoid => nn.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation."),
    };
}
