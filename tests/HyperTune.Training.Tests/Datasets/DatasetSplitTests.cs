using HyperTune.Search;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class DatasetSplitTests
{
    [Fact]
    public void ForClassification_ValidArrays_ExposesShapeAndRows()
    {
        var split = DatasetSplit.ForClassification(2, [1f, 2f, 3f, 4f, 5f, 6f], [0, 1, 0]);

        Assert.Equal(3, split.Count);
        Assert.Equal(2, split.FeatureCount);
        Assert.Equal(TaskKind.Classification, split.Task);
        Assert.Null(split.Targets);
        Assert.Equal([3f, 4f], split.GetRow(1).ToArray());
    }

    [Fact]
    public void ForRegression_ValidArrays_HasTargetsOnly()
    {
        var split = DatasetSplit.ForRegression(1, [1f, 2f], [0.5f, 1.5f]);

        Assert.Equal(TaskKind.Regression, split.Task);
        Assert.Null(split.ClassLabels);
        Assert.Equal([0.5f, 1.5f], split.Targets!);
    }

    [Fact]
    public void Constructor_FeaturesNotWholeRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => DatasetSplit.ForClassification(2, [1f, 2f, 3f], [0]));
    }

    [Fact]
    public void Constructor_LabelCountDiffersFromRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => DatasetSplit.ForClassification(1, [1f, 2f], [0]));
    }

    [Fact]
    public void Constructor_BothLabelsAndTargets_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DatasetSplit(1, [1f], [0], [1f]));
    }

    [Fact]
    public void GetRow_OutOfRange_Throws()
    {
        var split = DatasetSplit.ForRegression(1, [1f], [1f]);

        Assert.Throws<ArgumentOutOfRangeException>(() => split.GetRow(1).ToArray());
    }
}
