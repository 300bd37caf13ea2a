namespace HyperTune.Search.Specs;

/// <summary>What follows from a <see cref="DatasetSpec"/>.</summary>
public static class DatasetSpecExtensions
{
    /// <summary>
    /// The task of the data: regression for <c>regression</c>, classification for digits, spirals, moons and blobs, and
    /// for csv the given <see cref="DatasetSpec.Task"/> (classification when not given).
    /// </summary>
    public static TaskKind ResolveTask(this DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Kind switch
        {
            DatasetKinds.Regression => TaskKind.Regression,
            DatasetKinds.Csv => dataset.Task ?? TaskKind.Classification,
            _ => TaskKind.Classification,
        };
    }
}
