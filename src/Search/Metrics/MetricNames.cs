namespace HyperTune.Search.Metrics;

/// <summary>The names of the metrics a trial reports each epoch; objectives name one of them.</summary>
public static class MetricNames
{
    /// <summary>Mean training loss over the epoch.</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>Loss on the validation split.</summary>
    public const string ValidationLoss = "val_loss";

    /// <summary>Fraction of validation samples classified correctly (classification only).</summary>
    public const string ValidationAccuracy = "val_accuracy";

    /// <summary>Root mean squared error on the validation split (regression only).</summary>
    public const string ValidationRmse = "val_rmse";

    /// <summary>Coefficient of determination on the validation split (regression only).</summary>
    public const string ValidationR2 = "val_r2";

    /// <summary>The metrics every task reports.</summary>
    public static readonly IReadOnlyList<string> Common = [TrainLoss, ValidationLoss];

    /// <summary>The metrics a task reports.</summary>
    public static IReadOnlyList<string> For(TaskKind task) => task == TaskKind.Classification
        ? [TrainLoss, ValidationLoss, ValidationAccuracy]
        : [TrainLoss, ValidationLoss, ValidationRmse, ValidationR2];

    /// <summary>Whether a larger value of the metric is better (accuracy, R²) or a smaller one (losses, RMSE).</summary>
    public static bool IsHigherBetter(string metric) => metric is ValidationAccuracy or ValidationR2;
}
