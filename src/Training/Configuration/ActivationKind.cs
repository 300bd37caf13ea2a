namespace HyperTune.Training.Configuration;

/// <summary>The activation functions between hidden layers.</summary>
public enum ActivationKind
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>Leaky ReLU with slope 0.01.</summary>
    LeakyRelu,

    /// <summary>Gaussian error linear unit.</summary>
    Gelu,

    /// <summary>Exponential linear unit.</summary>
    Elu,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>Logistic sigmoid.</summary>
    Sigmoid,
}
