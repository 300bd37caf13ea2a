using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class RegressionDatasetSourceTests
{
    private static readonly RegressionDatasetSource Source = new();

    private static PreparedDataset Load(DatasetSpec spec) => Source.Load(spec, CancellationToken.None);

    [Fact]
    public void Load_DefaultFeatures_TenFeaturesOneOutput()
    {
        var dataset = Load(new DatasetSpec { Kind = DatasetKinds.Regression, Samples = 500 });

        Assert.Equal(TaskKind.Regression, dataset.Task);
        Assert.Equal(10, dataset.FeatureCount);
        Assert.Equal(1, dataset.OutputCount);
        Assert.Empty(dataset.ClassNames);
        Assert.Equal(400, dataset.Train.Count);
        Assert.Equal(100, dataset.Validation.Count);
        Assert.NotNull(dataset.Train.Targets);
    }

    [Fact]
    public void Load_NoNoise_FeaturesInUnitCubeAndTargetsAreFriedmanValues()
    {
        var dataset = Load(
            new DatasetSpec { Kind = DatasetKinds.Regression, Samples = 1000, Features = 6, Noise = 0, Standardize = false });

        foreach (var split in new[] { dataset.Train, dataset.Validation })
        {
            Assert.All(split.Features, v => Assert.InRange(v, 0f, 1f));
            for (var i = 0; i < split.Count; i++)
            {
                var target = split.Targets![i];
                Assert.InRange(target, 0f, 30f);
                Assert.Equal(RegressionDatasetSource.Friedman1(split.GetRow(i)), target, tolerance: 1e-4);
            }
        }
    }

    [Fact]
    public void Friedman1_KnownPoint_MatchesFormula()
    {
        // 10 sin(π/4) + 20 (0)² + 10 · 1 + 5 · 0 = 5√2 + 10.
        float[] x = [0.5f, 0.5f, 0.5f, 1f, 0f];

        Assert.Equal((5 * Math.Sqrt(2)) + 10, RegressionDatasetSource.Friedman1(x), 5);
    }

    [Fact]
    public void Load_SameSeed_IdenticalAndDifferentSeedDiffers()
    {
        var spec = new DatasetSpec { Kind = DatasetKinds.Regression, Samples = 200, Seed = 8 };

        var first = Load(spec);
        var second = Load(spec);
        var other = Load(spec with { Seed = 9 });

        Assert.Equal(first.Train.Features, second.Train.Features);
        Assert.Equal(first.Train.Targets, second.Train.Targets);
        Assert.Equal(first.Validation.Targets, second.Validation.Targets);
        Assert.NotEqual(first.Train.Targets, other.Train.Targets);
    }

    [Fact]
    public void Load_FewerThanFiveFeatures_Throws()
    {
        Assert.Throws<ArgumentException>(() => Load(new DatasetSpec { Kind = DatasetKinds.Regression, Features = 3 }));
    }

    [Fact]
    public void Load_ClassificationTask_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => Load(new DatasetSpec { Kind = DatasetKinds.Regression, Task = TaskKind.Classification }));
    }
}
