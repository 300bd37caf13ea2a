using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Models;

namespace HyperTune.Training.Engine;

/// <summary>How a run is carried out, apart from its hyperparameters.</summary>
public sealed record TrainingRunOptions
{
    /// <summary>The run's id, used for checkpoints and reports. Default <c>run</c>.</summary>
    public string RunId { get; init; } = "run";

    /// <summary>Checkpoint every this many epochs (and after the last); 0 turns checkpoints off. Default 0.</summary>
    public int CheckpointInterval { get; init; }

    /// <summary>Where checkpoints go; required when <see cref="CheckpointInterval"/> is positive.</summary>
    public ICheckpointStore? CheckpointStore { get; init; }

    /// <summary>
    /// A run diverges when an epoch's mean training loss exceeds this multiple of its best epoch and also exceeds
    /// its first step's loss (or when a loss is NaN or infinite). Default 10.
    /// </summary>
    public double DivergenceFactor { get; init; } = 10;

    /// <summary>Builds the model. Default: the MLP.</summary>
    public IModelFactory ModelFactory { get; init; } = MlpModelFactory.Instance;

    /// <summary>
    /// The most memory the run may need (<see cref="TrainingMemoryCheck"/>); a run that needs more ends Failed with the
    /// reason before its model is built. Default null: no limit.
    /// </summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>Time source for durations. Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RunId);
        ArgumentOutOfRangeException.ThrowIfNegative(CheckpointInterval);
        if (CheckpointInterval > 0 && CheckpointStore is null)
        {
            throw new ArgumentException("A checkpoint interval needs a checkpoint store.", nameof(CheckpointStore));
        }

        if (MaxMemoryBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMemoryBytes), MaxMemoryBytes, "The memory limit must be positive.");
        }

        if (!(DivergenceFactor > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), DivergenceFactor, "The divergence factor must be greater than 1.");
        }
    }
}
