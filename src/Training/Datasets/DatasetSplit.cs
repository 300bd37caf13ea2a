using HyperTune.Search;

namespace HyperTune.Training.Datasets;

/// <summary>
/// One split (training or validation) of a prepared dataset: a row-major feature matrix and, per row, either a class
/// index (classification) or a target value (regression). Plain arrays, so the training loop can turn them into
/// tensors without copying through another abstraction.
/// </summary>
/// <remarks>
/// A split is immutable by contract: the constructor takes ownership of the arrays, and a split is shared read-only by
/// every run that trains on its dataset, so no one may write to <see cref="Features"/>, <see cref="ClassLabels"/> or
/// <see cref="Targets"/>.
/// </remarks>
public sealed class DatasetSplit
{
    /// <summary>Creates a split over arrays it takes ownership of; exactly one of the label arrays must be given.</summary>
    /// <param name="featureCount">Values per row (at least 1).</param>
    /// <param name="features">Row-major features; its length is a multiple of <paramref name="featureCount"/>.</param>
    /// <param name="classLabels">Per row, the class index (0-based), for classification; otherwise null.</param>
    /// <param name="targets">Per row, the target value, for regression; otherwise null.</param>
    public DatasetSplit(int featureCount, float[] features, long[]? classLabels, float[]? targets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length % featureCount != 0)
        {
            throw new ArgumentException(
                $"The feature array's length {features.Length} is not a multiple of the feature count {featureCount}.",
                nameof(features));
        }

        if ((classLabels is null) == (targets is null))
        {
            throw new ArgumentException("A split has either class labels (classification) or targets (regression), not both or neither.");
        }

        var count = features.Length / featureCount;
        var labelCount = classLabels?.Length ?? targets!.Length;
        if (labelCount != count)
        {
            throw new ArgumentException($"The split has {count} rows of features but {labelCount} labels.");
        }

        Count = count;
        FeatureCount = featureCount;
        Features = features;
        ClassLabels = classLabels;
        Targets = targets;
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of feature values per row.</summary>
    public int FeatureCount { get; }

    /// <summary>The features, row-major: row <c>i</c> is <c>Features[(i * FeatureCount)..((i + 1) * FeatureCount)]</c>.</summary>
    public float[] Features { get; }

    /// <summary>Per row, the 0-based class index, for classification; null for regression.</summary>
    public long[]? ClassLabels { get; }

    /// <summary>Per row, the target value, for regression; null for classification.</summary>
    public float[]? Targets { get; }

    /// <summary>Classification when the split has class labels, regression when it has targets.</summary>
    public TaskKind Task => ClassLabels is null ? TaskKind.Regression : TaskKind.Classification;

    /// <summary>Creates a classification split.</summary>
    public static DatasetSplit ForClassification(int featureCount, float[] features, long[] classLabels) =>
        new(featureCount, features, classLabels ?? throw new ArgumentNullException(nameof(classLabels)), null);

    /// <summary>Creates a regression split.</summary>
    public static DatasetSplit ForRegression(int featureCount, float[] features, float[] targets) =>
        new(featureCount, features, null, targets ?? throw new ArgumentNullException(nameof(targets)));

    /// <summary>The features of one row.</summary>
    public ReadOnlySpan<float> GetRow(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Features.AsSpan(index * FeatureCount, FeatureCount);
    }
}
