using HyperTune.Search.Specs;
using HyperTune.Search.Values;
using HyperTune.Training.Control;

namespace HyperTune.Training.Engine;

/// <summary>What an <see cref="ITrainable"/> needs for one run of a trial.</summary>
public sealed record TrainableRunRequest
{
    /// <summary>The trial's hyperparameters (checked against the engine's catalog by the trainable).</summary>
    public required TrialConfig Hyperparameters { get; init; }

    /// <summary>The run's seed (weights, shuffling, dropout; the synthetic trainable's noise).</summary>
    public required long Seed { get; init; }

    /// <summary>The epochs to train, counting those before a resume.</summary>
    public required int Epochs { get; init; }

    /// <summary>The run's remote control; the caller owns it.</summary>
    public required TrainingControl Control { get; init; }

    /// <summary>The data. Default: the built-in digits. The synthetic trainable loads none and only takes its task.</summary>
    public DatasetSpec Dataset { get; init; } = new();

    /// <summary>What to train and its settings. Default: the MLP.</summary>
    public TrainableSpec Trainable { get; init; } = TrainableSpec.Mlp;

    /// <summary>Run id, checkpoints, divergence rule and time source.</summary>
    public TrainingRunOptions Options { get; init; } = new();

    /// <summary>A checkpoint of this trainable to continue from (integrity already checked); null to start afresh.</summary>
    public byte[]? ResumeFrom { get; init; }
}
