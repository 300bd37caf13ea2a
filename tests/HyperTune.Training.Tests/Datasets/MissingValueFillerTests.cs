using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class MissingValueFillerTests
{
    [Fact]
    public void FillWithTrainingMeans_MissingCells_TrainingMeanInBothSplits()
    {
        var train = DatasetSplit.ForRegression(2, [1f, float.NaN, 3f, 10f, float.NaN, 20f], [0f, 0f, 0f]);
        var validation = DatasetSplit.ForRegression(2, [float.NaN, float.NaN], [0f]);

        var filled = MissingValueFiller.FillWithTrainingMeans(train, validation, _ => new InvalidOperationException());

        Assert.Equal(4, filled);
        Assert.Equal([1f, 15f, 3f, 10f, 2f, 20f], train.Features);
        Assert.Equal([2f, 15f], validation.Features);
    }

    [Fact]
    public void FillWithTrainingMeans_NoMissingCells_LeavesValues()
    {
        var train = DatasetSplit.ForRegression(1, [1f, 2f], [0f, 0f]);
        var validation = DatasetSplit.ForRegression(1, [3f], [0f]);

        Assert.Equal(0, MissingValueFiller.FillWithTrainingMeans(train, validation, _ => new InvalidOperationException()));
        Assert.Equal([1f, 2f], train.Features);
    }

    [Fact]
    public void FillWithTrainingMeans_ColumnWithoutTrainingValues_ThrowsTheGivenError()
    {
        var train = DatasetSplit.ForRegression(2, [1f, float.NaN], [0f]);
        var validation = DatasetSplit.ForRegression(2, [1f, 2f], [0f]);

        var ex = Assert.Throws<InvalidOperationException>(() =>
            MissingValueFiller.FillWithTrainingMeans(train, validation, column => new InvalidOperationException($"column {column}")));

        Assert.Equal("column 1", ex.Message);
    }
}
