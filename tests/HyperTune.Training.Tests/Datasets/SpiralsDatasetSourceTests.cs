using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class SpiralsDatasetSourceTests
{
    private static readonly SpiralsDatasetSource Source = new();

    private static PreparedDataset Load(DatasetSpec spec) => Source.Load(spec, CancellationToken.None);

    [Fact]
    public void Load_FourArms_ShapeAndBalancedClasses()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Spirals, Classes = 4, Samples = 400 });

        Assert.Equal(TaskKind.Classification, dataset.Task);
        Assert.Equal(2, dataset.FeatureCount);
        Assert.Equal(["0", "1", "2", "3"], dataset.ClassNames);
        Assert.Equal(320, dataset.Train.Count);
        Assert.Equal(80, dataset.Validation.Count);
        Assert.All(
            dataset.Validation.ClassLabels!.CountBy(label => label),
            pair => Assert.Equal(20, pair.Value));
    }

    [Fact]
    public void Load_SameSeed_Identical()
    {
        var spec = new DatasetSpec { Kind = DatasetKinds.Spirals, Samples = 300, Seed = 11 };

        var first = Load(spec);
        var second = Load(spec);

        Assert.Equal(first.Train.Features, second.Train.Features);
        Assert.Equal(first.Train.ClassLabels, second.Train.ClassLabels);
        Assert.Equal(first.Validation.Features, second.Validation.Features);
    }

    [Fact]
    public void Load_DifferentSeed_DifferentPoints()
    {
        var first = Load(new DatasetSpec { Kind = DatasetKinds.Spirals, Samples = 300, Seed = 1 });
        var second = Load(new DatasetSpec { Kind = DatasetKinds.Spirals, Samples = 300, Seed = 2 });

        Assert.NotEqual(first.Train.Features, second.Train.Features);
    }

    [Fact]
    public void Load_NoNoise_PointsWithinUnitCircle()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Spirals, Samples = 300, Noise = 0, Standardize = false });

        Assert.All(
            Enumerable.Range(0, dataset.Train.Count),
            i =>
            {
                var row = dataset.Train.GetRow(i);
                Assert.True((row[0] * row[0]) + (row[1] * row[1]) <= 1.0001f);
            });
    }

    [Fact]
    public void Load_OneClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(new DatasetSpec { Kind = DatasetKinds.Spirals, Classes = 1 }));
    }

    [Fact]
    public void Load_TooFewSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(new DatasetSpec { Kind = DatasetKinds.Spirals, Classes = 3, Samples = 5 }));
    }

    [Fact]
    public void Load_OtherKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(new DatasetSpec { Kind = DatasetKinds.Moons }));
    }
}
