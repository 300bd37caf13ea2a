namespace HyperTune.Search;

/// <summary>What a model learns to predict.</summary>
public enum TaskKind
{
    /// <summary>One of several classes: cross-entropy loss, accuracy.</summary>
    Classification,

    /// <summary>A real number: mean squared error loss, RMSE and R².</summary>
    Regression,
}
