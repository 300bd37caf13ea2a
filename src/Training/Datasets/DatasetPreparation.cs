using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>The steps every source shares after reading its rows: the seeded split and the standardization.</summary>
internal static class DatasetPreparation
{
    /// <summary>
    /// The seeded split of a table by <see cref="DatasetSpec.Seed"/> and <see cref="DatasetSpec.ValidationFraction"/>:
    /// stratified by class for classification, a plain shuffle for regression. The validation part may be empty when
    /// the table is tiny; callers check.
    /// </summary>
    public static SplitIndices Indices(SampleTable table, DatasetSpec spec) => table.Task == TaskKind.Classification
        ? StratifiedSplitter.Split(table.Labels, spec.ValidationFraction, spec.Seed)
        : StratifiedSplitter.SplitShuffled(table.Count, spec.ValidationFraction, spec.Seed);

    /// <summary>Splits a table (see <see cref="Indices"/>) into two freshly gathered splits.</summary>
    public static (DatasetSplit Train, DatasetSplit Validation) Split(SampleTable table, DatasetSpec spec)
    {
        var indices = Indices(table, spec);
        if (indices.Train.Length == 0 || indices.Validation.Length == 0)
        {
            throw new InvalidOperationException(
                $"{table.Count} rows are too few to split into training and validation rows.");
        }

        return (table.Gather(indices.Train), table.Gather(indices.Validation));
    }

    /// <summary>Splits a table, standardizes it when the spec asks, and assembles the dataset.</summary>
    public static PreparedDataset Prepare(
        string name, SampleTable table, IReadOnlyList<string> classNames, IReadOnlyList<string> featureNames, DatasetSpec spec)
    {
        var (train, validation) = Split(table, spec);
        return Assemble(name, train, validation, classNames, featureNames, spec.Standardize);
    }

    /// <summary>
    /// Fits the standardizer on the training split and applies it in place to both splits (which must be freshly
    /// gathered, not yet shared), then assembles the dataset.
    /// </summary>
    public static PreparedDataset Assemble(
        string name,
        DatasetSplit train,
        DatasetSplit validation,
        IReadOnlyList<string> classNames,
        IReadOnlyList<string> featureNames,
        bool standardize,
        int droppedRows = 0,
        int filledValues = 0)
    {
        FeatureStandardizer? standardizer = null;
        if (standardize)
        {
            standardizer = FeatureStandardizer.Fit(train);
            standardizer.TransformInPlace(train.Features);
            standardizer.TransformInPlace(validation.Features);
        }

        return new PreparedDataset(
            name, train.Task, classNames, train, validation, standardizer, featureNames, droppedRows, filledValues);
    }

    /// <summary>The class names <c>0</c>, <c>1</c>, … of a synthetic dataset.</summary>
    public static string[] IndexClassNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return names;
    }

    /// <summary>The feature names <c>x0</c>, <c>x1</c>, … of a synthetic dataset.</summary>
    public static string[] IndexFeatureNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = string.Create(CultureInfo.InvariantCulture, $"x{i}");
        }

        return names;
    }
}
