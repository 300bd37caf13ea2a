namespace HyperTune.Training.Schedules;

/// <summary>lr(e) = lr₀.</summary>
/// <param name="initialLearningRate">lr₀.</param>
public sealed class ConstantSchedule(double initialLearningRate) : StatelessSchedule
{
    /// <inheritdoc />
    public override double LearningRateAt(int epoch) => initialLearningRate;
}
