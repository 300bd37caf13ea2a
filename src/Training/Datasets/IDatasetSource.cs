using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Loads one kind of dataset (digits, spirals, csv, …) from a <see cref="DatasetSpec"/>. Sources are stateless and
/// thread-safe; <see cref="DatasetCatalog"/> picks one by <see cref="Kind"/> and caches what it loads.
/// </summary>
public interface IDatasetSource
{
    /// <summary>The <see cref="DatasetSpec.Kind"/> this source loads, for instance <see cref="DatasetKinds.Digits"/>.</summary>
    string Kind { get; }

    /// <summary>Loads, splits and standardizes the dataset a spec describes.</summary>
    /// <param name="spec">The spec; its <see cref="DatasetSpec.Kind"/> is this source's.</param>
    /// <param name="cancellationToken">Stops a long load.</param>
    /// <exception cref="ArgumentException">The spec is invalid for this kind (a value out of range, a required field missing).</exception>
    /// <exception cref="DatasetFormatException">The data file is missing or malformed.</exception>
    PreparedDataset Load(DatasetSpec spec, CancellationToken cancellationToken);
}
