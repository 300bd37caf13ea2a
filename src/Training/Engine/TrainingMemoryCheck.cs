using System.Globalization;
using HyperTune.Search.Limits;
using HyperTune.Training.Configuration;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Engine;

/// <summary>
/// Checks, before a model is built, that training it on its data fits a memory budget — with the data's real input width
/// and rows, which a spec check may only have bounded (<see cref="TrainingMemoryEstimator"/>).
/// </summary>
public static class TrainingMemoryCheck
{
    /// <summary>What training <paramref name="config"/> on <paramref name="data"/> needs.</summary>
    public static TrainingMemoryEstimate Estimate(TrainingConfig config, PreparedDataset data, bool checkpoints)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        return TrainingMemoryEstimator.Estimate(Size(config, checkpoints), Shape(data));
    }

    /// <summary>Why training <paramref name="config"/> on <paramref name="data"/> does not fit <paramref name="maxBytes"/>; null when it does.</summary>
    public static string? Check(TrainingConfig config, PreparedDataset data, bool checkpoints, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        var estimate = Estimate(config, data, checkpoints);
        return estimate.TotalBytes <= maxBytes
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"the model needs ≈ {Quantities.Bytes(estimate.TotalBytes)} to train ({StudySpecLimitsValidator.DescribeLayers(config.HiddenUnits)} on {data.FeatureCount:N0} inputs, {Quantities.Count(estimate.Parameters)} parameters, batches of {config.BatchSize:N0}); this silo allows at most {Quantities.Bytes(maxBytes)} per trial (HyperTune:Limits:MaxTrainingMemoryBytes), so it was not built");
    }

    private static ModelSize Size(TrainingConfig config, bool checkpoints) => new(
        config.HiddenUnits,
        config.BatchSize,
        TrainingMemoryEstimator.OptimizerStateCopies(Name(config.Optimizer), config.Momentum > 0),
        config.BatchNorm,
        config.Dropout > 0,
        checkpoints);

    private static DatasetShape Shape(PreparedDataset data) =>
        new(data.FeatureCount, data.OutputCount, data.Train.Count, data.Validation.Count);

    private static string Name(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.Sgd => "sgd",
        OptimizerKind.RmsProp => "rmsprop",
        OptimizerKind.AdamW => "adamw",
        _ => "adam",
    };
}
