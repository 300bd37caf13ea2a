namespace HyperTune.Training.Models;

/// <summary>The input and output widths a model must have for a dataset.</summary>
/// <param name="Inputs">Features per sample.</param>
/// <param name="Outputs">Classes (logits) or 1 for regression.</param>
public sealed record ModelShape(int Inputs, int Outputs);
