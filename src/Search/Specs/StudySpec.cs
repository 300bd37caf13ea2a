using HyperTune.Search.Hyperparameters;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Spaces;

namespace HyperTune.Search.Specs;

/// <summary>
/// Everything a study needs: what data, what objective, which hyperparameters to search and how, and how much to
/// spend. An immutable record with value equality. Read it with <see cref="StudySpecParser"/>, build it with
/// <see cref="StudySpecBuilder"/>, write it with <see cref="StudySpecWriter"/>, check it with <see cref="StudySpecValidator"/>.
/// </summary>
public sealed record StudySpec
{
    /// <summary>The study's name: 1 to 128 letters, digits, <c>-</c>, <c>_</c> or <c>.</c> (it names files and URLs).</summary>
    public required string Name { get; init; }

    /// <summary>What the trials train (JSON <c>trainable</c>). Default: the TorchSharp MLP.</summary>
    public TrainableSpec Trainable { get; init; } = TrainableSpec.Mlp;

    /// <summary>
    /// The data. Default: the built-in digits. The synthetic trainable loads none; its task picks the metrics it reports.
    /// </summary>
    public DatasetSpec Dataset { get; init; } = new();

    /// <summary>The metric to optimize. Default: minimize <c>val_loss</c>.</summary>
    public ObjectiveSpec Objective { get; init; } = ObjectiveSpec.Default;

    /// <summary>The hyperparameters to search; those left out take the engine's defaults. Default: empty.</summary>
    public SearchSpace SearchSpace { get; init; } = SearchSpace.Empty;

    /// <summary>How configs are chosen. Default: random.</summary>
    public SearcherSpec Searcher { get; init; } = SearcherSpec.Default;

    /// <summary>How running trials are stopped early. Default: none.</summary>
    public SchedulerSpec Scheduler { get; init; } = SchedulerSpec.None;

    /// <summary>Trial, concurrency, epoch and time limits.</summary>
    public BudgetSpec Budget { get; init; } = new();

    /// <summary>Epochs between trial checkpoints. Default 5; 0 turns checkpoints off; not negative.</summary>
    public int CheckpointInterval { get; init; } = 5;

    /// <summary>
    /// Seed of the searcher and of the trial seeds (<see cref="Randomness.TrialSeeds"/>). Default 0. The dataset has its
    /// own seed.
    /// </summary>
    public long Seed { get; init; }

    /// <summary>
    /// A learning-rate range test to run before the first trial (JSON <c>lr_range_test</c>). Default: none.
    /// </summary>
    public LearningRateRangeTestSpec? LearningRateRangeTest { get; init; }

    /// <summary>
    /// The spec a study searches with once its range test has run: with <see cref="LearningRateRangeTestSpec.SetBounds"/>,
    /// <c>learning_rate</c> becomes log-uniform between the result's bounds (keeping its condition, if any); otherwise
    /// this spec unchanged.
    /// </summary>
    public StudySpec WithLearningRateBounds(RangeTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (LearningRateRangeTest is not { SetBounds: true })
        {
            return this;
        }

        SearchSpace.TryGet(HyperparameterNames.LearningRate, out var current);
        var bounded = new SearchParameter(HyperparameterNames.LearningRate, new LogUniformFloatDomain(result.SearchLow, result.SearchHigh), current?.When);
        return this with { SearchSpace = SearchSpace.With(bounded) };
    }

    /// <summary>The JSON form (see <see cref="StudySpecWriter"/>).</summary>
    public string ToJson() => StudySpecWriter.Write(this);
}
