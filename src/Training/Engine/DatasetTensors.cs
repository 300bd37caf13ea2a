using System.Runtime.CompilerServices;
using HyperTune.Search;
using HyperTune.Training.Datasets;
using static TorchSharp.torch;

namespace HyperTune.Training.Engine;

/// <summary>
/// A prepared dataset as tensors, made once per dataset and process and shared read-only by every run on it: runs
/// only read them (batches come from <c>index_select</c>, which copies), so one copy serves all threads.
/// </summary>
internal sealed class DatasetTensors
{
    private static readonly ConditionalWeakTable<PreparedDataset, DatasetTensors> Cache = [];

    private DatasetTensors(PreparedDataset data)
    {
        var classification = data.Task == TaskKind.Classification;
        (TrainX, TrainY) = Create(data.Train, classification);
        (ValidX, ValidY) = Create(data.Validation, classification);
    }

    public Tensor TrainX { get; }

    public Tensor TrainY { get; }

    public Tensor ValidX { get; }

    public Tensor ValidY { get; }

    /// <summary>The tensors of <paramref name="data"/>, created on first use; they live as long as the dataset.</summary>
    public static DatasetTensors Of(PreparedDataset data) => Cache.GetValue(data, d => new DatasetTensors(d));

    private static (Tensor X, Tensor Y) Create(DatasetSplit split, bool classification)
    {
        var x = tensor(split.Features, [split.Count, split.FeatureCount]).DetachFromDisposeScope();
        var y = classification
            ? tensor(split.ClassLabels ?? throw new ArgumentException("A classification split needs class labels.")).DetachFromDisposeScope()
            : tensor(split.Targets ?? throw new ArgumentException("A regression split needs targets."), [split.Count, 1]).DetachFromDisposeScope();
        return (x, y);
    }
}
