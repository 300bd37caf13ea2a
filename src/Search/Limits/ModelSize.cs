namespace HyperTune.Search.Limits;

/// <summary>What the memory of training one model depends on, apart from the data's shape.</summary>
/// <param name="HiddenUnits">The width of each hidden layer.</param>
/// <param name="BatchSize">Samples per optimizer step.</param>
/// <param name="OptimizerStateCopies">
/// Copies of the weights the optimizer keeps: 2 for adam, adamw and rmsprop with momentum, 1 for rmsprop without
/// momentum and for sgd with momentum, 0 for plain sgd (<see cref="TrainingMemoryEstimator.OptimizerStateCopies"/>).
/// </param>
/// <param name="BatchNorm">Batch normalization after each hidden layer.</param>
/// <param name="Dropout">Dropout after each hidden layer.</param>
/// <param name="Checkpoints">The run writes checkpoints, keeping a serialized copy of the weights and optimizer state.</param>
public sealed record ModelSize(
    IReadOnlyList<int> HiddenUnits, int BatchSize, int OptimizerStateCopies, bool BatchNorm, bool Dropout, bool Checkpoints);
