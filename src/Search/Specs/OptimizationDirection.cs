namespace HyperTune.Search.Specs;

/// <summary>Whether the objective metric should go down or up. JSON: <c>minimize</c> or <c>maximize</c>.</summary>
public enum OptimizationDirection
{
    /// <summary>Smaller is better (losses, RMSE).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy, R²).</summary>
    Maximize,
}
