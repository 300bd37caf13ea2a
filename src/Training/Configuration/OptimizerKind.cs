namespace HyperTune.Training.Configuration;

/// <summary>The optimizers the engine can train with.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent, with optional momentum and Nesterov momentum.</summary>
    Sgd,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,

    /// <summary>RMSprop.</summary>
    RmsProp,
}
