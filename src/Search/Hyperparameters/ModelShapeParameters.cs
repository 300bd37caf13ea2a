namespace HyperTune.Search.Hyperparameters;

/// <summary>
/// The hyperparameters that shape the model's weights or the optimizer's state: a checkpoint taken under one value does
/// not fit a model built with another, so population-based training cannot perturb them and a fork cannot change them.
/// </summary>
public static class ModelShapeParameters
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        HyperparameterNames.HiddenLayers,
        HyperparameterNames.HiddenUnits,
        HyperparameterNames.Activation,
        HyperparameterNames.BatchNorm,
        HyperparameterNames.Optimizer,
    };

    /// <summary>True when <paramref name="name"/> shapes the model or the optimizer (per-layer widths included).</summary>
    public static bool Contains(string name) =>
        Names.Contains(name) || name.StartsWith(HyperparameterNames.HiddenUnitsLayerPrefix, StringComparison.Ordinal);
}
