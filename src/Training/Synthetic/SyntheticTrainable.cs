using HyperTune.Search.Specs;
using HyperTune.Training.Engine;

namespace HyperTune.Training.Synthetic;

/// <summary>
/// The synthetic trainable (<c>"trainable": {"kind": "synthetic"}</c>): it trains nothing and loads no data or
/// libtorch. Each epoch awaits a timer of <see cref="TrainingRunOptions.Time"/> (no thread is held while it waits) and
/// reports metrics of a <see cref="SyntheticResponseSurface"/>. It obeys learning-rate commands (from the next epoch),
/// schedules, pause, resume and stop, and writes and restores small checkpoints through the engine's checkpoint format.
/// </summary>
public sealed class SyntheticTrainable : ITrainable
{
    /// <summary>The one instance; it holds no state.</summary>
    public static SyntheticTrainable Instance { get; } = new();

    /// <inheritdoc />
    public string Kind => TrainableKinds.Synthetic;

    /// <inheritdoc />
    public bool NeedsThread => false;

    /// <inheritdoc />
    public Task<TrainingOutcome> RunAsync(TrainableRunRequest request, ITrainingObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Validate();
        return new SyntheticRun(request, observer).RunAsync(cancellationToken);
    }
}
