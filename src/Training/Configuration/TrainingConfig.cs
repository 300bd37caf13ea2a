namespace HyperTune.Training.Configuration;

/// <summary>
/// The hyperparameters of one training run, typed. Build one from a trial's parameters with
/// <see cref="TrainingConfigBinder"/>; every default comes from the search project's hyperparameter catalog.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>Initial learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Optimizer. Default Adam.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Momentum of SGD and RMSprop. Default 0.</summary>
    public double Momentum { get; init; }

    /// <summary>Nesterov momentum for SGD. Default false.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Adam's first-moment decay. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's second-moment decay. Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Weight decay. Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Samples per step. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Passes over the training data. Default 20.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Maximum gradient norm; 0 turns clipping off. Default 0.</summary>
    public double GradientClipNorm { get; init; }

    /// <summary>Width of each hidden layer; its length is the number of hidden layers (1 to 8). Default [128, 128].</summary>
    public IReadOnlyList<int> HiddenUnits { get; init; } = [128, 128];

    /// <summary>Activation after each hidden layer. Default ReLU.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;

    /// <summary>Dropout probability after each hidden layer. Default 0.</summary>
    public double Dropout { get; init; }

    /// <summary>Batch normalization after each hidden linear layer. Default false.</summary>
    public bool BatchNorm { get; init; }

    /// <summary>Learning-rate schedule. Default constant.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;

    /// <summary>Epochs between decays of the step schedule. Default 10.</summary>
    public int StepSize { get; init; } = 10;

    /// <summary>Decay factor of the step and exponential schedules. Default 0.5.</summary>
    public double Gamma { get; init; } = 0.5;

    /// <summary>Lowest learning rate of cosine annealing. Default 0.</summary>
    public double EtaMin { get; init; }

    /// <summary>Factor applied by reduce-on-plateau. Default 0.5.</summary>
    public double PlateauFactor { get; init; } = 0.5;

    /// <summary>Epochs without improvement before reduce-on-plateau decays. Default 3.</summary>
    public int PlateauPatience { get; init; } = 3;

    /// <summary>Relative improvement of the validation loss that counts for reduce-on-plateau. Default 1e-4.</summary>
    public double PlateauThreshold { get; init; } = 1e-4;

    /// <summary>Floor of the reduce-on-plateau learning rate. Default 0.</summary>
    public double MinLearningRate { get; init; }

    /// <summary>Epochs of linear warm-up (per step) before the schedule's value is reached. Default 0.</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>Seed of weight initialization, shuffling and dropout. Default 0.</summary>
    public long Seed { get; init; }
}
