using HyperTune.Training.Engine;

namespace HyperTune.Grains.Training;

/// <summary>What the training thread hands to its trial grain: an epoch, a checkpoint or the end.</summary>
internal abstract record TrainingSignal
{
    /// <summary>An epoch finished.</summary>
    public sealed record Epoch(EpochReport Report) : TrainingSignal;

    /// <summary>A checkpoint was written.</summary>
    public sealed record Checkpoint(CheckpointSaved Saved) : TrainingSignal;

    /// <summary>A checkpoint could not be written.</summary>
    public sealed record CheckpointFailed(int EpochNumber, string Error) : TrainingSignal;

    /// <summary>The run ended.</summary>
    public sealed record Ended(TrainingOutcome Outcome) : TrainingSignal;
}
