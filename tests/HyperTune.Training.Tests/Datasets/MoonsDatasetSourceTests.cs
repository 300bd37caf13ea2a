using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class MoonsDatasetSourceTests
{
    private static readonly MoonsDatasetSource Source = new();

    private static PreparedDataset Load(DatasetSpec spec) => Source.Load(spec, CancellationToken.None);

    [Fact]
    public void Load_DefaultSpec_TwoClassesOfTwoFeatures()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Moons, Samples = 500 });

        Assert.Equal(TaskKind.Classification, dataset.Task);
        Assert.Equal(2, dataset.FeatureCount);
        Assert.Equal(2, dataset.OutputCount);
        Assert.Equal(500, dataset.Train.Count + dataset.Validation.Count);
        Assert.Equal(50, dataset.Validation.ClassLabels!.Count(label => label == 0));
        Assert.Equal(50, dataset.Validation.ClassLabels!.Count(label => label == 1));
    }

    [Fact]
    public void Load_NoNoise_PointsOnTheirHalfCircles()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Moons, Samples = 200, Noise = 0, Standardize = false });
        var train = dataset.Train;

        for (var i = 0; i < train.Count; i++)
        {
            var row = train.GetRow(i);
            if (train.ClassLabels![i] == 0)
            {
                Assert.Equal(1, (row[0] * row[0]) + (row[1] * row[1]), 4);
                Assert.True(row[1] >= -1e-6f);
            }
            else
            {
                Assert.Equal(1, ((row[0] - 1) * (row[0] - 1)) + ((row[1] - 0.5f) * (row[1] - 0.5f)), 4);
                Assert.True(row[1] <= 0.5f + 1e-6f);
            }
        }
    }

    [Fact]
    public void Load_SameSeed_IdenticalAndDifferentSeedDiffers()
    {
        var spec = new DatasetSpec { Kind = DatasetKinds.Moons, Samples = 200, Seed = 5 };

        var first = Load(spec);
        var second = Load(spec);
        var other = Load(spec with { Seed = 6 });

        Assert.Equal(first.Train.Features, second.Train.Features);
        Assert.Equal(first.Validation.ClassLabels, second.Validation.ClassLabels);
        Assert.NotEqual(first.Train.Features, other.Train.Features);
    }

    [Fact]
    public void Load_NegativeNoise_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(new DatasetSpec { Kind = DatasetKinds.Moons, Noise = -0.1 }));
    }
}
