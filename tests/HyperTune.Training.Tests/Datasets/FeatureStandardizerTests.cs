using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class FeatureStandardizerTests
{
    [Fact]
    public void Fit_TwoColumns_PopulationMeanAndStd()
    {
        // Column 0: 1, 3 → mean 2, std 1. Column 1: 10, 30 → mean 20, std 10.
        var standardizer = FeatureStandardizer.Fit([1f, 10f, 3f, 30f], 2);

        Assert.Equal([2f, 20f], standardizer.Means);
        Assert.Equal([1f, 10f], standardizer.StandardDeviations);
    }

    [Fact]
    public void Fit_ConstantColumn_KeepsStdOneAndMapsToZero()
    {
        var split = DatasetSplit.ForClassification(2, [0.1f, 1f, 0.1f, 2f, 0.1f, 3f], [0, 1, 0]);

        var standardizer = FeatureStandardizer.Fit(split);
        var standardized = standardizer.Apply(split);

        Assert.Equal(1f, standardizer.StandardDeviations[0]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(0f, standardized.GetRow(i)[0]));
    }

    [Fact]
    public void Apply_Split_ZeroMeanUnitStdAndInputUnchanged()
    {
        var features = new float[] { 1f, 5f, 2f, 7f, 9f, 3f, 4f, 4f };
        var split = DatasetSplit.ForRegression(2, (float[])features.Clone(), [0f, 1f, 2f, 3f]);

        var standardized = FeatureStandardizer.Fit(split).Apply(split);

        for (var j = 0; j < 2; j++)
        {
            var column = Enumerable.Range(0, 4).Select(i => (double)standardized.GetRow(i)[j]).ToArray();
            var mean = column.Average();
            Assert.Equal(0, mean, 5);
            Assert.Equal(1, Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average()), 5);
        }

        Assert.Equal(features, split.Features);
        Assert.Same(split.Targets, standardized.Targets);
    }

    [Fact]
    public void Transform_NewRow_UsesFittedStatistics()
    {
        var standardizer = new FeatureStandardizer([2f, 20f], [1f, 10f]);
        var destination = new float[2];

        standardizer.Transform([3f, 0f], destination);

        Assert.Equal([1f, -2f], destination);
    }

    [Fact]
    public void Constructor_NonPositiveStd_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FeatureStandardizer([0f], [0f]));
    }

    [Fact]
    public void TransformInPlace_PartialRow_Throws()
    {
        var standardizer = new FeatureStandardizer([0f, 0f], [1f, 1f]);

        Assert.Throws<ArgumentException>(() => standardizer.TransformInPlace(new float[3]));
    }
}
