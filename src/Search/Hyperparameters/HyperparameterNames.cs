namespace HyperTune.Search.Hyperparameters;

/// <summary>The names of every hyperparameter the training engine reads, as used in study specs.</summary>
public static class HyperparameterNames
{
    public const string LearningRate = "learning_rate";
    public const string Optimizer = "optimizer";
    public const string Momentum = "momentum";
    public const string Nesterov = "nesterov";
    public const string Beta1 = "beta1";
    public const string Beta2 = "beta2";
    public const string WeightDecay = "weight_decay";
    public const string BatchSize = "batch_size";
    public const string Epochs = "epochs";
    public const string GradientClipNorm = "grad_clip_norm";
    public const string HiddenLayers = "hidden_layers";
    public const string HiddenUnits = "hidden_units";

    /// <summary>Per-layer width override: <c>hidden_units_1</c> … <c>hidden_units_8</c>.</summary>
    public const string HiddenUnitsLayerPrefix = "hidden_units_";
    public const string Activation = "activation";
    public const string Dropout = "dropout";
    public const string BatchNorm = "batch_norm";
    public const string Schedule = "schedule";
    public const string StepSize = "step_size";
    public const string Gamma = "gamma";
    public const string EtaMin = "eta_min";
    public const string PlateauFactor = "plateau_factor";
    public const string PlateauPatience = "plateau_patience";
    public const string PlateauThreshold = "plateau_threshold";
    public const string MinLearningRate = "min_lr";
    public const string WarmupEpochs = "warmup_epochs";

    /// <summary>The largest number of hidden layers a model may have.</summary>
    public const int MaxHiddenLayers = 8;

    /// <summary>The name of the per-layer width of hidden layer <paramref name="layer"/> (1-based).</summary>
    public static string HiddenUnitsOfLayer(int layer) => HiddenUnitsLayerPrefix + layer.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
