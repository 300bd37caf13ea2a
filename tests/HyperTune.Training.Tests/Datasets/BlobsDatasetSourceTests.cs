using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class BlobsDatasetSourceTests
{
    private static readonly BlobsDatasetSource Source = new();

    private static PreparedDataset Load(DatasetSpec spec) => Source.Load(spec, CancellationToken.None);

    [Fact]
    public void Load_DefaultFeatures_TwoDimensions()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Blobs, Samples = 300 });

        Assert.Equal(TaskKind.Classification, dataset.Task);
        Assert.Equal(2, dataset.FeatureCount);
        Assert.Equal(3, dataset.OutputCount);
        Assert.Equal(300, dataset.Train.Count + dataset.Validation.Count);
    }

    [Fact]
    public void Load_FiveClassesInSevenDimensions_Shapes()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Blobs, Samples = 500, Classes = 5, Features = 7 });

        Assert.Equal(7, dataset.FeatureCount);
        Assert.Equal(7, dataset.Train.GetRow(0).Length);
        Assert.Equal(5, dataset.OutputCount);
        Assert.All(
            Enumerable.Range(0, 5),
            c => Assert.Equal(20, dataset.Validation.ClassLabels!.Count(label => label == c)));
    }

    [Fact]
    public void Load_NoNoise_EachClassIsOnePointInTheBox()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Blobs, Samples = 60, Noise = 0, Standardize = false });
        var train = dataset.Train;

        for (var c = 0; c < 3; c++)
        {
            var rows = Enumerable.Range(0, train.Count).Where(i => train.ClassLabels![i] == c).ToArray();
            var centre = train.GetRow(rows[0]).ToArray();
            Assert.All(centre, v => Assert.InRange(v, -1f, 1f));
            Assert.All(rows, i => Assert.Equal(centre, train.GetRow(i).ToArray()));
        }
    }

    [Fact]
    public void Load_SameSeed_IdenticalAndDifferentSeedDiffers()
    {
        var spec = new DatasetSpec { Kind = DatasetKinds.Blobs, Samples = 200, Seed = 3 };

        var first = Load(spec);
        var second = Load(spec);
        var other = Load(spec with { Seed = 4 });

        Assert.Equal(first.Train.Features, second.Train.Features);
        Assert.Equal(first.Validation.Features, second.Validation.Features);
        Assert.NotEqual(first.Train.Features, other.Train.Features);
    }

    [Fact]
    public void Load_TooManyFeatures_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(new DatasetSpec { Kind = DatasetKinds.Blobs, Features = 5000 }));
    }
}
