using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class DigitsDatasetSourceTests
{
    private static readonly DigitsDatasetSource Source = new();

    private static PreparedDataset Load(DatasetSpec spec) => Source.Load(spec, CancellationToken.None);

    private static DatasetSpec Spec(int seed = 0, bool standardize = true) =>
        new() { Kind = DatasetKinds.Digits, Seed = seed, Standardize = standardize };

    [Fact]
    public void Load_DefaultSpec_1797RowsOf64FeaturesIn10Classes()
    {
        var dataset = Load(Spec());

        Assert.Equal(TaskKind.Classification, dataset.Task);
        Assert.Equal(1797, dataset.Train.Count + dataset.Validation.Count);
        Assert.Equal(64, dataset.FeatureCount);
        Assert.Equal(10, dataset.OutputCount);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], dataset.ClassNames);
        Assert.Equal("pixel0", dataset.FeatureNames[0]);
        Assert.Equal("pixel63", dataset.FeatureNames[63]);
        Assert.Equal(0, dataset.DroppedRows);
    }

    [Fact]
    public void Load_DefaultFraction_EachClassHoldsOutTwentyPercentWithinOneRow()
    {
        var dataset = Load(Spec());

        var train = Counts(dataset.Train.ClassLabels!);
        var validation = Counts(dataset.Validation.ClassLabels!);
        for (var c = 0; c < 10; c++)
        {
            var total = train[c] + validation[c];
            Assert.InRange(validation[c], (0.2 * total) - 1, (0.2 * total) + 1);
        }

        Assert.InRange(dataset.Validation.Count, 355, 365);
    }

    [Fact]
    public void Load_Standardize_TrainColumnsHaveZeroMeanAndUnitStd()
    {
        var dataset = Load(Spec());
        var train = dataset.Train;

        Assert.NotNull(dataset.Standardizer);
        var nonConstant = 0;
        for (var j = 0; j < train.FeatureCount; j++)
        {
            var column = Enumerable.Range(0, train.Count).Select(i => (double)train.GetRow(i)[j]).ToArray();
            var mean = column.Average();
            var std = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            Assert.Equal(0, mean, 4);
            if (dataset.Standardizer.StandardDeviations[j] != 1f || std > 0)
            {
                nonConstant++;
                Assert.Equal(1, std, 3);
            }
            else
            {
                Assert.All(column, v => Assert.Equal(0, v));
            }
        }

        Assert.True(nonConstant >= 60, $"only {nonConstant} columns vary");
    }

    [Fact]
    public void Load_NoStandardize_RawPixelValues()
    {
        var dataset = Load(Spec(standardize: false));

        Assert.Null(dataset.Standardizer);
        Assert.All(dataset.Train.Features, v => Assert.True(v is >= 0 and <= 16 && v == MathF.Floor(v)));
    }

    [Fact]
    public void Load_SameSeed_IdenticalSplit()
    {
        var first = Load(Spec(seed: 7, standardize: false));
        var second = Load(Spec(seed: 7, standardize: false));

        Assert.Equal(first.Validation.Features, second.Validation.Features);
        Assert.Equal(first.Validation.ClassLabels, second.Validation.ClassLabels);
        Assert.Equal(first.Train.Features, second.Train.Features);
    }

    [Fact]
    public void Load_DifferentSeed_DifferentSplit()
    {
        var first = Load(Spec(seed: 1, standardize: false));
        var second = Load(Spec(seed: 2, standardize: false));

        Assert.NotEqual(first.Validation.Features, second.Validation.Features);
    }

    [Fact]
    public void Load_HalfFraction_SplitsEachClassInHalf()
    {
        var dataset = Load(Spec() with { ValidationFraction = 0.5 });

        var train = Counts(dataset.Train.ClassLabels!);
        var validation = Counts(dataset.Validation.ClassLabels!);
        Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(validation[c] - train[c], -1, 1));
    }

    [Fact]
    public void Load_RegressionTask_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(Spec() with { Task = TaskKind.Regression }));
    }

    [Fact]
    public void Load_FractionOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(Spec() with { ValidationFraction = 0.95 }));
    }

    private static int[] Counts(long[] labels)
    {
        var counts = new int[10];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        return counts;
    }
}
