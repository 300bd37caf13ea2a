using HyperTune.Search.Specs;

namespace HyperTune.Search.Limits;

/// <summary>
/// The shapes of the datasets that follow from their spec alone: the built-in digits (1,797 rows of 64 features, 10
/// classes) and the synthetic kinds (their samples, classes and features). A csv file's shape is known only by reading
/// it, on a silo.
/// </summary>
public static class DatasetShapes
{
    /// <summary>Rows of the built-in digits.</summary>
    public const int DigitsRows = 1797;

    /// <summary>Features of the built-in digits (8×8 pixels).</summary>
    public const int DigitsFeatures = 64;

    /// <summary>Features of blobs when <see cref="DatasetSpec.Features"/> is 0.</summary>
    public const int DefaultBlobsFeatures = 2;

    /// <summary>Features of regression (Friedman #1) when <see cref="DatasetSpec.Features"/> is 0.</summary>
    public const int DefaultRegressionFeatures = 10;

    /// <summary>The shape of <paramref name="dataset"/> when its spec tells it; null for csv and unknown kinds.</summary>
    public static DatasetShape? FromSpec(DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Kind switch
        {
            DatasetKinds.Digits => Split(DigitsFeatures, 10, DigitsRows, dataset),
            DatasetKinds.Spirals => Split(2, dataset.Classes, dataset.Samples, dataset),
            DatasetKinds.Moons => Split(2, 2, dataset.Samples, dataset),
            DatasetKinds.Blobs => Split(dataset.Features == 0 ? DefaultBlobsFeatures : dataset.Features, dataset.Classes, dataset.Samples, dataset),
            DatasetKinds.Regression => Split(dataset.Features == 0 ? DefaultRegressionFeatures : dataset.Features, 1, dataset.Samples, dataset),
            _ => null,
        };
    }

    /// <summary>A shape of <paramref name="rows"/> rows split by the spec's validation fraction (at least one row each way when possible).</summary>
    public static DatasetShape Split(int features, int outputs, long rows, DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        rows = Math.Max(0, rows);
        var fraction = double.IsFinite(dataset.ValidationFraction) ? Math.Clamp(dataset.ValidationFraction, 0, 1) : 0;
        var validation = Math.Min(rows, (long)Math.Ceiling(rows * fraction));
        return new DatasetShape(Math.Max(1, features), Math.Max(1, outputs), rows - validation, validation);
    }
}
