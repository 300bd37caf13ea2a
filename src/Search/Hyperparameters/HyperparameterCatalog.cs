using System.Collections.Frozen;
using static HyperTune.Search.Hyperparameters.HyperparameterNames;

namespace HyperTune.Search.Hyperparameters;

/// <summary>
/// Every hyperparameter of the training engine, with its default and legal range. Study specs are validated against
/// it and the engine binds trial configs through it, so there is one list for both.
/// </summary>
public static class HyperparameterCatalog
{
    /// <summary>The optimizers: <c>sgd</c>, <c>adam</c>, <c>adamw</c>, <c>rmsprop</c>.</summary>
    public static readonly IReadOnlyList<string> Optimizers = ["sgd", "adam", "adamw", "rmsprop"];

    /// <summary>The activations between hidden layers.</summary>
    public static readonly IReadOnlyList<string> Activations = ["relu", "leaky_relu", "gelu", "elu", "tanh", "sigmoid"];

    /// <summary>The learning-rate schedules.</summary>
    public static readonly IReadOnlyList<string> Schedules = ["constant", "step", "exponential", "cosine", "plateau"];

    /// <summary>Every definition, in a stable order.</summary>
    public static readonly IReadOnlyList<HyperparameterDefinition> All = Build();

    private static readonly FrozenDictionary<string, HyperparameterDefinition> ByName =
        All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Finds a definition by name; per-layer widths (<c>hidden_units_3</c>) resolve too.</summary>
    public static bool TryGet(string name, out HyperparameterDefinition definition)
    {
        if (ByName.TryGetValue(name, out definition!))
        {
            return true;
        }

        if (name.StartsWith(HiddenUnitsLayerPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(HiddenUnitsLayerPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var layer)
            && layer is >= 1 and <= MaxHiddenLayers)
        {
            definition = ByName[HiddenUnits] with { Name = name, Description = $"Width of hidden layer {layer}; overrides hidden_units." };
            return true;
        }

        return false;
    }

    private static List<HyperparameterDefinition> Build() =>
    [
        Float(LearningRate, 1e-3, 0, 100, exclusive: true, "Initial learning rate of the optimizer."),
        Choice(Optimizer, "adam", Optimizers, "Optimizer: sgd, adam, adamw or rmsprop."),
        Float(Momentum, 0.0, 0, 0.9999, exclusive: false, "Momentum of sgd and rmsprop."),
        Bool(Nesterov, false, "Nesterov momentum for sgd (needs momentum > 0)."),
        Float(Beta1, 0.9, 0, 0.9999, exclusive: false, "First-moment decay of adam and adamw."),
        Float(Beta2, 0.999, 0, 0.999999, exclusive: false, "Second-moment decay of adam and adamw."),
        Float(WeightDecay, 0.0, 0, 1, exclusive: false, "L2 weight decay (decoupled for adamw)."),
        Int(BatchSize, 64, 1, 1 << 20, "Samples per optimizer step."),
        Int(Epochs, 20, 1, 100_000, "Passes over the training data."),
        Float(GradientClipNorm, 0.0, 0, 1e6, exclusive: false, "Clip the gradient norm to this value; 0 turns clipping off."),
        Int(HiddenLayers, 2, 1, MaxHiddenLayers, "Number of hidden layers (1 to 8)."),
        Int(HiddenUnits, 128, 1, 65_536, "Width of every hidden layer."),
        Choice(Activation, "relu", Activations, "Activation after each hidden layer."),
        Float(Dropout, 0.0, 0, 0.95, exclusive: false, "Dropout probability after each hidden layer."),
        Bool(BatchNorm, false, "Batch normalization after each hidden linear layer."),
        Choice(Schedule, "constant", Schedules, "Learning-rate schedule."),
        Int(StepSize, 10, 1, 100_000, "Epochs between decays of the step schedule."),
        Float(Gamma, 0.5, 0, 1, exclusive: true, "Decay factor of the step and exponential schedules."),
        Float(EtaMin, 0.0, 0, 100, exclusive: false, "Lowest learning rate of cosine annealing."),
        Float(PlateauFactor, 0.5, 0, 1, exclusive: true, "Factor applied by reduce-on-plateau."),
        Int(PlateauPatience, 3, 0, 100_000, "Epochs without improvement before reduce-on-plateau decays."),
        Float(PlateauThreshold, 1e-4, 0, 1, exclusive: false, "Relative improvement that counts for reduce-on-plateau."),
        Float(MinLearningRate, 0.0, 0, 100, exclusive: false, "Floor of the reduce-on-plateau learning rate."),
        Int(WarmupEpochs, 0, 0, 100_000, "Epochs of linear warm-up before the schedule takes over."),
    ];

    private static HyperparameterDefinition Float(string name, double value, double min, double max, bool exclusive, string description) =>
        new(name, HyperparameterKind.Float, value, min, max, exclusive, [], description);

    private static HyperparameterDefinition Int(string name, long value, double min, double max, string description) =>
        new(name, HyperparameterKind.Int, value, min, max, false, [], description);

    private static HyperparameterDefinition Choice(string name, string value, IReadOnlyList<string> choices, string description) =>
        new(name, HyperparameterKind.Choice, value, null, null, false, choices, description);

    private static HyperparameterDefinition Bool(string name, bool value, string description) =>
        new(name, HyperparameterKind.Bool, value, null, null, false, [], description);
}
