using System.Globalization;
using HyperTune.Search.Hyperparameters;
using static HyperTune.Search.Hyperparameters.HyperparameterNames;

namespace HyperTune.Training.Configuration;

/// <summary>
/// Turns a trial's parameters (name → double, long, string or bool) into a <see cref="TrainingConfig"/>, checking each
/// against the hyperparameter catalog. Unknown names and illegal values are reported together.
/// </summary>
public static class TrainingConfigBinder
{
    /// <summary>Binds parameters; missing ones take the catalog's defaults.</summary>
    /// <exception cref="ArgumentException">One or more parameters are unknown or out of range; the message lists them all.</exception>
    public static TrainingConfig Bind(IReadOnlyDictionary<string, object> parameters, long seed = 0)
    {
        var errors = new List<string>();
        foreach (var (name, value) in parameters)
        {
            if (!HyperparameterCatalog.TryGet(name, out var definition))
            {
                errors.Add($"'{name}' is not a hyperparameter of the training engine");
            }
            else if (definition.Check(value) is { } problem)
            {
                errors.Add($"'{name}' {problem}");
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid training parameters: " + string.Join("; ", errors), nameof(parameters));
        }

        var layers = (int)Number(parameters, HiddenLayers);
        var width = (int)Number(parameters, HiddenUnits);
        var units = new int[layers];
        for (var i = 0; i < layers; i++)
        {
            units[i] = parameters.ContainsKey(HiddenUnitsOfLayer(i + 1)) ? (int)Number(parameters, HiddenUnitsOfLayer(i + 1)) : width;
        }

        var config = new TrainingConfig
        {
            LearningRate = Number(parameters, LearningRate),
            Optimizer = ParseOptimizer(Text(parameters, Optimizer)),
            Momentum = Number(parameters, Momentum),
            Nesterov = Flag(parameters, Nesterov),
            Beta1 = Number(parameters, Beta1),
            Beta2 = Number(parameters, Beta2),
            WeightDecay = Number(parameters, WeightDecay),
            BatchSize = (int)Number(parameters, BatchSize),
            Epochs = (int)Number(parameters, Epochs),
            GradientClipNorm = Number(parameters, GradientClipNorm),
            HiddenUnits = units,
            Activation = ParseActivation(Text(parameters, Activation)),
            Dropout = Number(parameters, Dropout),
            BatchNorm = Flag(parameters, BatchNorm),
            Schedule = ParseSchedule(Text(parameters, Schedule)),
            StepSize = (int)Number(parameters, StepSize),
            Gamma = Number(parameters, Gamma),
            EtaMin = Number(parameters, EtaMin),
            PlateauFactor = Number(parameters, PlateauFactor),
            PlateauPatience = (int)Number(parameters, PlateauPatience),
            PlateauThreshold = Number(parameters, PlateauThreshold),
            MinLearningRate = Number(parameters, MinLearningRate),
            WarmupEpochs = (int)Number(parameters, WarmupEpochs),
            Seed = seed,
        };
        if (config.Nesterov && config.Optimizer == OptimizerKind.Sgd && config.Momentum <= 0)
        {
            throw new ArgumentException("Invalid training parameters: 'nesterov' needs 'momentum' > 0", nameof(parameters));
        }

        return config;
    }

    /// <summary>Parses an optimizer name of the catalog.</summary>
    public static OptimizerKind ParseOptimizer(string name) => name switch
    {
        "sgd" => OptimizerKind.Sgd,
        "adam" => OptimizerKind.Adam,
        "adamw" => OptimizerKind.AdamW,
        "rmsprop" => OptimizerKind.RmsProp,
        _ => throw new ArgumentException($"Unknown optimizer '{name}'.", nameof(name)),
    };

    /// <summary>Parses an activation name of the catalog.</summary>
    public static ActivationKind ParseActivation(string name) => name switch
    {
        "relu" => ActivationKind.Relu,
        "leaky_relu" => ActivationKind.LeakyRelu,
        "gelu" => ActivationKind.Gelu,
        "elu" => ActivationKind.Elu,
        "tanh" => ActivationKind.Tanh,
        "sigmoid" => ActivationKind.Sigmoid,
        _ => throw new ArgumentException($"Unknown activation '{name}'.", nameof(name)),
    };

    /// <summary>Parses a schedule name of the catalog.</summary>
    public static ScheduleKind ParseSchedule(string name) => name switch
    {
        "constant" => ScheduleKind.Constant,
        "step" => ScheduleKind.Step,
        "exponential" => ScheduleKind.Exponential,
        "cosine" => ScheduleKind.Cosine,
        "plateau" => ScheduleKind.Plateau,
        _ => throw new ArgumentException($"Unknown schedule '{name}'.", nameof(name)),
    };

    private static object Value(IReadOnlyDictionary<string, object> parameters, string name) =>
        parameters.TryGetValue(name, out var value) ? value : Definition(name).Default;

    private static HyperparameterDefinition Definition(string name) =>
        HyperparameterCatalog.TryGet(name, out var definition) ? definition : throw new InvalidOperationException($"'{name}' is missing from the catalog.");

    private static double Number(IReadOnlyDictionary<string, object> parameters, string name) =>
        HyperparameterDefinition.TryGetNumber(Value(parameters, name), out var number) ? number : throw new InvalidOperationException($"'{name}' is not a number.");

    private static string Text(IReadOnlyDictionary<string, object> parameters, string name) =>
        Convert.ToString(Value(parameters, name), CultureInfo.InvariantCulture) ?? string.Empty;

    private static bool Flag(IReadOnlyDictionary<string, object> parameters, string name) => (bool)Value(parameters, name);
}
