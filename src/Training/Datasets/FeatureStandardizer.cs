namespace HyperTune.Training.Datasets;

/// <summary>
/// Per-feature means and standard deviations fitted on a training split, applied as <c>(x - mean) / std</c> to every
/// split and to any new row at prediction time. A column whose values are all equal keeps a standard deviation of 1,
/// so it becomes 0 rather than NaN.
/// </summary>
public sealed class FeatureStandardizer
{
    private readonly float[] _means;
    private readonly float[] _standardDeviations;

    /// <summary>Creates a standardizer from known statistics (for instance, restored with a checkpoint).</summary>
    /// <param name="means">Per feature, the mean to subtract.</param>
    /// <param name="standardDeviations">Per feature, the positive, finite standard deviation to divide by.</param>
    public FeatureStandardizer(IReadOnlyList<float> means, IReadOnlyList<float> standardDeviations)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardDeviations);
        if (means.Count == 0 || means.Count != standardDeviations.Count)
        {
            throw new ArgumentException(
                $"Expected as many standard deviations as means (at least one), got {means.Count} means and {standardDeviations.Count} standard deviations.");
        }

        for (var i = 0; i < means.Count; i++)
        {
            if (!float.IsFinite(means[i]))
            {
                throw new ArgumentException($"The mean of feature {i} is not finite: {means[i]}.", nameof(means));
            }

            if (!float.IsFinite(standardDeviations[i]) || standardDeviations[i] <= 0)
            {
                throw new ArgumentException(
                    $"The standard deviation of feature {i} must be positive and finite, not {standardDeviations[i]}.",
                    nameof(standardDeviations));
            }
        }

        _means = [.. means];
        _standardDeviations = [.. standardDeviations];
        Means = _means.AsReadOnly();
        StandardDeviations = _standardDeviations.AsReadOnly();
    }

    /// <summary>The number of features.</summary>
    public int FeatureCount => _means.Length;

    /// <summary>Per feature, the mean subtracted.</summary>
    public IReadOnlyList<float> Means { get; }

    /// <summary>Per feature, the standard deviation divided by (1 for a constant column).</summary>
    public IReadOnlyList<float> StandardDeviations { get; }

    /// <summary>Fits the population mean and standard deviation of each feature of a split.</summary>
    public static FeatureStandardizer Fit(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Fit(split.Features, split.FeatureCount);
    }

    /// <summary>Fits the population mean and standard deviation of each column of a row-major matrix.</summary>
    /// <param name="features">Row-major values, at least one row; every value finite.</param>
    /// <param name="featureCount">Values per row.</param>
    public static FeatureStandardizer Fit(ReadOnlySpan<float> features, int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (features.Length == 0 || features.Length % featureCount != 0)
        {
            throw new ArgumentException($"Expected at least one row of {featureCount} features, got {features.Length} values.", nameof(features));
        }

        var rows = features.Length / featureCount;
        var sums = new double[featureCount];
        var min = new float[featureCount];
        var max = new float[featureCount];
        features[..featureCount].CopyTo(min);
        features[..featureCount].CopyTo(max);
        for (var r = 0; r < rows; r++)
        {
            var row = features.Slice(r * featureCount, featureCount);
            for (var j = 0; j < featureCount; j++)
            {
                sums[j] += row[j];
                min[j] = Math.Min(min[j], row[j]);
                max[j] = Math.Max(max[j], row[j]);
            }
        }

        var means = new double[featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            means[j] = sums[j] / rows;
        }

        var squares = new double[featureCount];
        for (var r = 0; r < rows; r++)
        {
            var row = features.Slice(r * featureCount, featureCount);
            for (var j = 0; j < featureCount; j++)
            {
                var d = row[j] - means[j];
                squares[j] += d * d;
            }
        }

        var meanValues = new float[featureCount];
        var stdValues = new float[featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            var std = (float)Math.Sqrt(squares[j] / rows);

            // A constant column (or one whose spread underflows float) keeps std 1: it maps to 0, not NaN.
            var constant = min[j] == max[j] || !(std > 0) || !float.IsFinite(std);
            meanValues[j] = constant ? min[j] : (float)means[j];
            stdValues[j] = constant ? 1f : std;
        }

        return new FeatureStandardizer(meanValues, stdValues);
    }

    /// <summary>Standardizes a split into a new split with the same labels; the input is not modified.</summary>
    public DatasetSplit Apply(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var features = new float[split.Features.Length];
        Transform(split.Features, features);
        return new DatasetSplit(split.FeatureCount, features, split.ClassLabels, split.Targets);
    }

    /// <summary>Standardizes row-major values (any number of rows) into a destination of the same length.</summary>
    public void Transform(ReadOnlySpan<float> features, Span<float> destination)
    {
        CheckShape(features.Length);
        if (destination.Length != features.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values, not {features.Length}.", nameof(destination));
        }

        TransformCore(features, destination);
    }

    /// <summary>Standardizes row-major values in place.</summary>
    public void TransformInPlace(Span<float> features)
    {
        CheckShape(features.Length);
        TransformCore(features, features);
    }

    private void TransformCore(ReadOnlySpan<float> source, Span<float> destination)
    {
        var count = FeatureCount;
        for (var start = 0; start < source.Length; start += count)
        {
            var row = source.Slice(start, count);
            var target = destination.Slice(start, count);
            for (var j = 0; j < count; j++)
            {
                target[j] = (row[j] - _means[j]) / _standardDeviations[j];
            }
        }
    }

    private void CheckShape(int length)
    {
        if (length % FeatureCount != 0)
        {
            throw new ArgumentException($"{length} values are not whole rows of {FeatureCount} features.");
        }
    }
}
