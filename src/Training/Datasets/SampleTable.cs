using System.Runtime.InteropServices;
using HyperTune.Search;

namespace HyperTune.Training.Datasets;

/// <summary>
/// A growable table of labeled rows that a source fills before the split: features row-major, and per row a class
/// index or a target. Missing feature values are stored as NaN (sources reject NaN literals, so NaN only ever means
/// "missing").
/// </summary>
internal sealed class SampleTable
{
    private readonly List<float> _features;
    private readonly List<long>? _labels;
    private readonly List<float>? _targets;

    /// <summary>Creates an empty table.</summary>
    /// <param name="featureCount">Values per row.</param>
    /// <param name="task">Classification (class indices) or regression (targets).</param>
    /// <param name="capacity">Expected number of rows, or 0.</param>
    public SampleTable(int featureCount, TaskKind task, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        Task = task;
        _features = new List<float>(checked(capacity * featureCount));
        if (task == TaskKind.Classification)
        {
            _labels = new List<long>(capacity);
        }
        else
        {
            _targets = new List<float>(capacity);
        }
    }

    /// <summary>Values per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Whether rows carry class indices or targets.</summary>
    public TaskKind Task { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _labels?.Count ?? _targets!.Count;

    /// <summary>The features of every row, row-major.</summary>
    public ReadOnlySpan<float> Features => CollectionsMarshal.AsSpan(_features);

    /// <summary>The class index of every row (empty for regression).</summary>
    public Span<long> Labels => CollectionsMarshal.AsSpan(_labels);

    /// <summary>The target of every row (empty for classification).</summary>
    public ReadOnlySpan<float> Targets => CollectionsMarshal.AsSpan(_targets);

    /// <summary>Adds a classified row.</summary>
    public void Add(ReadOnlySpan<float> row, long label)
    {
        CheckRow(row);
        if (_labels is null)
        {
            throw new InvalidOperationException("A regression table takes targets, not class labels.");
        }

        _features.AddRange(row);
        _labels.Add(label);
    }

    /// <summary>Adds a row with a regression target.</summary>
    public void Add(ReadOnlySpan<float> row, float target)
    {
        CheckRow(row);
        if (_targets is null)
        {
            throw new InvalidOperationException("A classification table takes class labels, not targets.");
        }

        _features.AddRange(row);
        _targets.Add(target);
    }

    /// <summary>Copies the given rows, in the given order, into a new split.</summary>
    public DatasetSplit Gather(ReadOnlySpan<int> rows)
    {
        var features = new float[checked(rows.Length * FeatureCount)];
        var source = Features;
        for (var i = 0; i < rows.Length; i++)
        {
            source.Slice(rows[i] * FeatureCount, FeatureCount).CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
        }

        if (_labels is not null)
        {
            var labels = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                labels[i] = _labels[rows[i]];
            }

            return DatasetSplit.ForClassification(FeatureCount, features, labels);
        }

        var targets = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            targets[i] = _targets![rows[i]];
        }

        return DatasetSplit.ForRegression(FeatureCount, features, targets);
    }

    /// <summary>Copies every row, in order, into a new split.</summary>
    public DatasetSplit GatherAll()
    {
        var all = new int[Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return Gather(all);
    }

    private void CheckRow(ReadOnlySpan<float> row)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected a row of {FeatureCount} features, got {row.Length}.", nameof(row));
        }
    }
}
