using HyperTune.Training.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperTune.Training.Optimization;

/// <summary>Creates the optimizer a <see cref="TrainingConfig"/> asks for.</summary>
public static class OptimizerFactory
{
    /// <summary>Creates an optimizer over <paramref name="parameters"/>.</summary>
    public static OptimizerHelper Create(IEnumerable<Parameter> parameters, TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(parameters, config.LearningRate, momentum: config.Momentum, weight_decay: config.WeightDecay, nesterov: config.Nesterov),
            OptimizerKind.Adam => optim.Adam(parameters, config.LearningRate, config.Beta1, config.Beta2, weight_decay: config.WeightDecay),
            OptimizerKind.AdamW => optim.AdamW(parameters, config.LearningRate, config.Beta1, config.Beta2, weight_decay: config.WeightDecay),
            OptimizerKind.RmsProp => optim.RMSProp(parameters, config.LearningRate, weight_decay: config.WeightDecay, momentum: config.Momentum),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Optimizer, "Unknown optimizer."),
        };
    }
}
