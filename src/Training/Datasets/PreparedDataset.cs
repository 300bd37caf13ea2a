using System.Globalization;
using HyperTune.Search;

namespace HyperTune.Training.Datasets;

/// <summary>
/// A dataset ready to train on: the train and validation splits, the label mapping and the feature standardization
/// fitted on the training split. One instance is shared read-only by every run on the same
/// <see cref="Search.Specs.DatasetSpec"/> (see <see cref="DatasetCatalog"/>).
/// </summary>
public sealed class PreparedDataset
{
    /// <summary>Creates a prepared dataset and checks that its parts agree.</summary>
    /// <param name="name">A readable description for logs and the dashboard.</param>
    /// <param name="task">Classification or regression; both splits must be of this task.</param>
    /// <param name="classNames">For classification, index → original label (at least two); empty for regression.</param>
    /// <param name="train">The rows to train on (at least one).</param>
    /// <param name="validation">The rows held out (at least one), with as many features as <paramref name="train"/>.</param>
    /// <param name="standardizer">The standardization already applied to both splits, or null when none was.</param>
    /// <param name="featureNames">The name of each feature; null names them <c>x0</c>, <c>x1</c>, ….</param>
    /// <param name="droppedRows">Source rows skipped for missing values.</param>
    /// <param name="filledValues">Empty cells filled with their column's training mean.</param>
    public PreparedDataset(
        string name,
        TaskKind task,
        IReadOnlyList<string> classNames,
        DatasetSplit train,
        DatasetSplit validation,
        FeatureStandardizer? standardizer = null,
        IReadOnlyList<string>? featureNames = null,
        int droppedRows = 0,
        int filledValues = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfNegative(droppedRows);
        ArgumentOutOfRangeException.ThrowIfNegative(filledValues);
        if (train.Task != task || validation.Task != task)
        {
            throw new ArgumentException($"Both splits must be {task} splits; got {train.Task} and {validation.Task}.");
        }

        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException($"Both splits need rows; got {train.Count} training and {validation.Count} validation rows.");
        }

        if (validation.FeatureCount != train.FeatureCount)
        {
            throw new ArgumentException(
                $"The splits disagree on the feature count: {train.FeatureCount} (train) and {validation.FeatureCount} (validation).");
        }

        if (task == TaskKind.Classification)
        {
            if (classNames.Count < 2)
            {
                throw new ArgumentException($"Classification needs at least 2 class names, got {classNames.Count}.", nameof(classNames));
            }

            CheckLabels(train.ClassLabels!, classNames.Count, "training");
            CheckLabels(validation.ClassLabels!, classNames.Count, "validation");
        }
        else if (classNames.Count != 0)
        {
            throw new ArgumentException("A regression dataset has no class names.", nameof(classNames));
        }

        if (standardizer is not null && standardizer.FeatureCount != train.FeatureCount)
        {
            throw new ArgumentException(
                $"The standardizer has {standardizer.FeatureCount} features, the splits {train.FeatureCount}.", nameof(standardizer));
        }

        if (featureNames is not null && featureNames.Count != train.FeatureCount)
        {
            throw new ArgumentException(
                $"Expected {train.FeatureCount} feature names, got {featureNames.Count}.", nameof(featureNames));
        }

        Name = name;
        Task = task;
        ClassNames = [.. classNames];
        Train = train;
        Validation = validation;
        Standardizer = standardizer;
        FeatureNames = featureNames is null ? DefaultFeatureNames(train.FeatureCount) : [.. featureNames];
        DroppedRows = droppedRows;
        FilledValues = filledValues;
    }

    /// <summary>A readable description for logs and the dashboard.</summary>
    public string Name { get; }

    /// <summary>Classification or regression.</summary>
    public TaskKind Task { get; }

    /// <summary>The number of input features of the model.</summary>
    public int FeatureCount => Train.FeatureCount;

    /// <summary>The number of model outputs: the class count for classification, 1 for regression.</summary>
    public int OutputCount => Task == TaskKind.Classification ? ClassNames.Count : 1;

    /// <summary>For classification, class index → the original label string (the label mapping a run keeps); empty for regression.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The name of each feature, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The rows to train on.</summary>
    public DatasetSplit Train { get; }

    /// <summary>The rows held out to evaluate on.</summary>
    public DatasetSplit Validation { get; }

    /// <summary>The standardization fitted on <see cref="Train"/> and already applied to both splits, or null.</summary>
    public FeatureStandardizer? Standardizer { get; }

    /// <summary>Source rows skipped because a cell was empty (missing-value policy DropRow).</summary>
    public int DroppedRows { get; }

    /// <summary>Empty cells filled with their column's training mean (missing-value policy FillMean).</summary>
    public int FilledValues { get; }

    /// <summary>A one-line summary for logs, such as <c>digits (seed 0): 1437 train / 360 validation rows, 64 features, 10 classes, standardized</c>.</summary>
    public override string ToString()
    {
        var outputs = Task == TaskKind.Classification ? $"{OutputCount} classes" : "regression";
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {Train.Count} train / {Validation.Count} validation rows, {FeatureCount} features, {outputs}");
        if (Standardizer is not null)
        {
            summary += ", standardized";
        }

        if (DroppedRows > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", {DroppedRows} rows dropped");
        }

        if (FilledValues > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", {FilledValues} values filled");
        }

        return summary;
    }

    private static string[] DefaultFeatureNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = string.Create(CultureInfo.InvariantCulture, $"x{i}");
        }

        return names;
    }

    private static void CheckLabels(long[] labels, int classCount, string split)
    {
        foreach (var label in labels)
        {
            if (label < 0 || label >= classCount)
            {
                throw new ArgumentException($"A {split} label is {label}, outside the {classCount} classes.");
            }
        }
    }
}
