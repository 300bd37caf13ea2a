namespace HyperTune.Training.Schedules;

/// <summary>Exponential decay: lr(e) = lr₀ · γ^e.</summary>
public sealed class ExponentialDecaySchedule : StatelessSchedule
{
    private readonly double _initialLearningRate;
    private readonly double _gamma;

    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">lr₀.</param>
    /// <param name="gamma">Decay factor per epoch in (0, 1].</param>
    public ExponentialDecaySchedule(double initialLearningRate, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        (_initialLearningRate, _gamma) = (initialLearningRate, gamma);
    }

    /// <inheritdoc />
    public override double LearningRateAt(int epoch) => _initialLearningRate * Math.Pow(_gamma, epoch);
}
