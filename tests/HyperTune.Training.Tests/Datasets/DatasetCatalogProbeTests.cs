using HyperTune.Search;
using HyperTune.Search.Limits;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Tests.Datasets;

public sealed class DatasetCatalogProbeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<DatasetSpec> BuiltinSpecs => new()
    {
        new DatasetSpec(),
        new DatasetSpec { Kind = DatasetKinds.Spirals, Classes = 4, Samples = 400 },
        new DatasetSpec { Kind = DatasetKinds.Moons, Samples = 300, ValidationFraction = 0.3 },
        new DatasetSpec { Kind = DatasetKinds.Blobs, Features = 5, Classes = 3, Samples = 333 },
        new DatasetSpec { Kind = DatasetKinds.Regression, Samples = 250 },
    };

    [Theory]
    [MemberData(nameof(BuiltinSpecs))]
    public void FromSpec_BuiltinKinds_MatchWhatTheSourcesLoad(DatasetSpec spec)
    {
        var loaded = new DatasetCatalog(DatasetCatalog.CreateBuiltinSources()).GetOrLoad(spec);

        var shape = DatasetShapes.FromSpec(spec)!;

        Assert.Equal(loaded.FeatureCount, shape.Features);
        Assert.Equal(loaded.OutputCount, shape.Outputs);
        Assert.Equal(loaded.Train.Count + loaded.Validation.Count, shape.TrainRows + shape.ValidationRows);
        Assert.InRange(shape.ValidationRows, loaded.Validation.Count - 5, loaded.Validation.Count + 5);
    }

    [Fact]
    public void Probe_Csv_ReadsItsShapeInsideTheRoots()
    {
        var path = _temp.Write("rows.csv", "a,b,c,label\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},{i},{i},{(i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : "z")}\n")));
        var catalog = new DatasetCatalog(DatasetCatalog.CreateBuiltinSources(new DataRoots(_temp.FullPath)));

        var shape = catalog.Probe(new DatasetSpec { Kind = DatasetKinds.Csv, Path = path, LabelColumn = "label", Task = TaskKind.Classification });

        Assert.Equal(3, shape.Features);
        Assert.Equal(3, shape.Outputs);
        Assert.Equal(40, shape.TrainRows + shape.ValidationRows);
    }

    [Fact]
    public void Probe_SyntheticKind_GeneratesNothing()
    {
        var catalog = new DatasetCatalog(DatasetCatalog.CreateBuiltinSources());

        var shape = catalog.Probe(new DatasetSpec { Kind = DatasetKinds.Blobs, Samples = 10_000_000, Features = 1000 });

        Assert.Equal(1000, shape.Features);
        Assert.Equal(0, catalog.Count);
    }
}
