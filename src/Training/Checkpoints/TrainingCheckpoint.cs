using HyperTune.Training.Schedules;

namespace HyperTune.Training.Checkpoints;

/// <summary>
/// Everything needed to continue a run exactly: weights, optimizer state (e.g. Adam moments), the random generator,
/// the learning-rate controller (schedule state, command multiplier and history) and the counters.
/// </summary>
public sealed record TrainingCheckpoint
{
    /// <summary>The epoch after which it was taken (1-based).</summary>
    public required int Epoch { get; init; }

    /// <summary>The global optimizer steps taken so far.</summary>
    public required long Step { get; init; }

    /// <summary>The best mean training loss of an epoch so far (for the divergence rule).</summary>
    public required double BestTrainLoss { get; init; }

    /// <summary>The loss of the first step (for the divergence rule).</summary>
    public required double FirstLoss { get; init; }

    /// <summary>A fingerprint of the hyperparameters and data shape; a checkpoint only restores into a matching run.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The learning-rate controller's state.</summary>
    public required LearningRateControllerState LearningRate { get; init; }

    /// <summary>The model's parameters and buffers, as written by <c>Module.save</c>.</summary>
    public required ReadOnlyMemory<byte> Model { get; init; }

    /// <summary>The optimizer's state, as written by <c>save_state_dict</c>.</summary>
    public required ReadOnlyMemory<byte> Optimizer { get; init; }

    /// <summary>The run's random generator state.</summary>
    public required ReadOnlyMemory<byte> Generator { get; init; }
}
