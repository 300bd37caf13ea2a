using HyperTune.Search.Specs;
using HyperTune.Testing;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Tests.Datasets;

public sealed class ExampleCsvTests
{
    [Fact]
    public void Load_ShippedCsvExample_HasTenNamedClasses()
    {
        // As the example spec names it, from a silo whose data directory is the repository (as under the AppHost).
        var data = new DatasetCatalog(DatasetCatalog.CreateBuiltinSources(new DataRoots(RepositoryRoot.Path))).GetOrLoad(new DatasetSpec
        {
            Kind = DatasetKinds.Csv,
            Path = "examples/digit-words.csv",
            LabelColumn = "label",
            ValidationFraction = 0.25,
        });

        Assert.Equal(64, data.FeatureCount);
        Assert.Equal(10, data.OutputCount);
        Assert.Contains("seven", data.ClassNames);
        Assert.Equal(600, data.Train.Count + data.Validation.Count);
    }
}
