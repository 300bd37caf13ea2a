using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Tests.Engine;

/// <summary>Datasets shared by the engine tests (loaded once per process through the catalog).</summary>
internal static class TestData
{
    public static PreparedDataset Digits => DatasetCatalog.Default.GetOrLoad(new DatasetSpec { Kind = DatasetKinds.Digits });

    public static PreparedDataset SmallBlobs => DatasetCatalog.Default.GetOrLoad(new DatasetSpec { Kind = DatasetKinds.Blobs, Samples = 300, Classes = 3, Seed = 7 });

    public static PreparedDataset Friedman => DatasetCatalog.Default.GetOrLoad(new DatasetSpec { Kind = DatasetKinds.Regression, Samples = 1000, Seed = 3 });
}
