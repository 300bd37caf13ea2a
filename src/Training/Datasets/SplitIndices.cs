namespace HyperTune.Training.Datasets;

/// <summary>The row indices of a train/validation split, each ascending; together they are every row exactly once.</summary>
/// <param name="Train">The rows to train on.</param>
/// <param name="Validation">The rows held out for validation.</param>
public sealed record SplitIndices(int[] Train, int[] Validation);
