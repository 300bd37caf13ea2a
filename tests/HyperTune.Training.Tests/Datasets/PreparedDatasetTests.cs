using HyperTune.Search;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class PreparedDatasetTests
{
    private static readonly DatasetSplit Train = DatasetSplit.ForClassification(2, [0f, 1f, 2f, 3f], [0, 2]);
    private static readonly DatasetSplit Validation = DatasetSplit.ForClassification(2, [4f, 5f], [1]);

    [Fact]
    public void Constructor_Classification_DerivesCountsAndDefaultFeatureNames()
    {
        var dataset = new PreparedDataset("toy", TaskKind.Classification, ["a", "b", "c"], Train, Validation, droppedRows: 2);

        Assert.Equal(2, dataset.FeatureCount);
        Assert.Equal(3, dataset.OutputCount);
        Assert.Equal(["x0", "x1"], dataset.FeatureNames);
        Assert.Equal(2, dataset.DroppedRows);
        Assert.Equal("toy: 2 train / 1 validation rows, 2 features, 3 classes, 2 rows dropped", dataset.ToString());
    }

    [Fact]
    public void Constructor_Regression_OneOutput()
    {
        var dataset = new PreparedDataset(
            "line",
            TaskKind.Regression,
            [],
            DatasetSplit.ForRegression(1, [0f, 1f], [0f, 1f]),
            DatasetSplit.ForRegression(1, [2f], [2f]));

        Assert.Equal(1, dataset.OutputCount);
        Assert.Empty(dataset.ClassNames);
    }

    [Fact]
    public void Constructor_LabelOutsideClasses_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new PreparedDataset("toy", TaskKind.Classification, ["a", "b"], Train, Validation));
    }

    [Fact]
    public void Constructor_TaskDiffersFromSplits_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new PreparedDataset("toy", TaskKind.Regression, [], Train, Validation));
    }

    [Fact]
    public void Constructor_FeatureCountsDiffer_Throws()
    {
        var narrow = DatasetSplit.ForClassification(1, [4f], [1]);

        Assert.Throws<ArgumentException>(() =>
            new PreparedDataset("toy", TaskKind.Classification, ["a", "b", "c"], Train, narrow));
    }
}
