namespace HyperTune.Search.RangeTest;

/// <summary>One step of a learning-rate range test.</summary>
/// <param name="Step">The 0-based step.</param>
/// <param name="LearningRate">The learning rate of the step.</param>
/// <param name="Loss">The mini-batch loss of the step (may be NaN or infinite at the end).</param>
/// <param name="SmoothedLoss">The bias-corrected exponential moving average of the losses up to the step.</param>
public sealed record RangeTestPoint(int Step, double LearningRate, double Loss, double SmoothedLoss);
