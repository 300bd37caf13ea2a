namespace HyperTune.Training.Datasets;

/// <summary>Fills missing feature values (NaN) with their column's mean over the training split.</summary>
internal static class MissingValueFiller
{
    /// <summary>
    /// Replaces every NaN of both splits, in place, by the mean of the known values of its column in
    /// <paramref name="train"/>; returns how many values were filled.
    /// </summary>
    /// <param name="train">The training split, freshly gathered (not yet shared).</param>
    /// <param name="validation">The validation split, freshly gathered (not yet shared).</param>
    /// <param name="noTrainingValues">Makes the error for a column with missing values but no known value in training.</param>
    public static int FillWithTrainingMeans(DatasetSplit train, DatasetSplit validation, Func<int, Exception> noTrainingValues)
    {
        var featureCount = train.FeatureCount;
        var sums = new double[featureCount];
        var known = new int[featureCount];
        var missing = new int[featureCount];
        Count(train.Features, featureCount, sums, known, missing);
        Count(validation.Features, featureCount, sums: null, known: null, missing);

        var means = new float[featureCount];
        var total = 0;
        for (var j = 0; j < featureCount; j++)
        {
            if (missing[j] == 0)
            {
                continue;
            }

            if (known[j] == 0)
            {
                throw noTrainingValues(j);
            }

            means[j] = (float)(sums[j] / known[j]);
            total += missing[j];
        }

        if (total > 0)
        {
            Fill(train.Features, featureCount, means);
            Fill(validation.Features, featureCount, means);
        }

        return total;
    }

    private static void Count(float[] features, int featureCount, double[]? sums, int[]? known, int[] missing)
    {
        for (var i = 0; i < features.Length; i++)
        {
            var j = i % featureCount;
            if (float.IsNaN(features[i]))
            {
                missing[j]++;
            }
            else if (sums is not null)
            {
                sums[j] += features[i];
                known![j]++;
            }
        }
    }

    private static void Fill(float[] features, int featureCount, float[] means)
    {
        for (var i = 0; i < features.Length; i++)
        {
            if (float.IsNaN(features[i]))
            {
                features[i] = means[i % featureCount];
            }
        }
    }
}
