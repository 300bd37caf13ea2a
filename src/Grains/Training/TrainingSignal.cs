using HyperTune.Training.Engine;

namespace HyperTune.Grains.Training;

/// <summary>What the training thread hands to its trial grain: an epoch, a checkpoint, a resume or the end.</summary>
internal abstract record TrainingSignal
{
    /// <summary>An epoch finished.</summary>
    public sealed record Epoch(EpochReport Report) : TrainingSignal;

    /// <summary>A checkpoint was written.</summary>
    public sealed record Checkpoint(CheckpointSaved Saved) : TrainingSignal;

    /// <summary>A checkpoint could not be written.</summary>
    public sealed record CheckpointFailed(int EpochNumber, string Error) : TrainingSignal;

    /// <summary>
    /// Training continued from <paramref name="FromEpoch"/> (0: from scratch) of <paramref name="Source"/>'s checkpoint,
    /// after skipping the unusable checkpoints described in <paramref name="Skipped"/>.
    /// </summary>
    public sealed record Resumed(int FromEpoch, CheckpointSource? Source, IReadOnlyList<string> Skipped) : TrainingSignal;

    /// <summary>The run got a training slot of its silo at <paramref name="At"/> and starts training.</summary>
    public sealed record Started(DateTimeOffset At) : TrainingSignal;

    /// <summary>The run ended at <paramref name="At"/> (when it gave its training slot back).</summary>
    public sealed record Ended(TrainingOutcome Outcome, DateTimeOffset At) : TrainingSignal;
}
