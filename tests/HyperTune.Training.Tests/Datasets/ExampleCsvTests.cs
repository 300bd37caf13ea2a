using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Tests.Datasets;

public sealed class ExampleCsvTests
{
    [Fact]
    public void Load_ShippedCsvExample_HasTenNamedClasses()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HyperTune.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var data = new DatasetCatalog(DatasetCatalog.CreateBuiltinSources()).GetOrLoad(new DatasetSpec
        {
            Kind = DatasetKinds.Csv,
            Path = Path.Combine(root.FullName, "examples", "digit-words.csv"),
            LabelColumn = "label",
            ValidationFraction = 0.25,
        });

        Assert.Equal(64, data.FeatureCount);
        Assert.Equal(10, data.OutputCount);
        Assert.Contains("seven", data.ClassNames);
        Assert.Equal(600, data.Train.Count + data.Validation.Count);
    }
}
