namespace HyperTune.Search.Hyperparameters;

/// <summary>The value type a hyperparameter takes.</summary>
public enum HyperparameterKind
{
    /// <summary>A real number.</summary>
    Float,

    /// <summary>A whole number.</summary>
    Int,

    /// <summary>One of a fixed set of names.</summary>
    Choice,

    /// <summary>true or false.</summary>
    Bool,
}
