namespace HyperTune.Training.Schedules;

/// <summary>Step decay: lr(e) = lr₀ · γ^⌊e / step_size⌋.</summary>
public sealed class StepDecaySchedule : StatelessSchedule
{
    private readonly double _initialLearningRate;
    private readonly int _stepSize;
    private readonly double _gamma;

    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">lr₀.</param>
    /// <param name="stepSize">Epochs between decays, at least 1.</param>
    /// <param name="gamma">Decay factor in (0, 1].</param>
    public StepDecaySchedule(double initialLearningRate, int stepSize, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        (_initialLearningRate, _stepSize, _gamma) = (initialLearningRate, stepSize, gamma);
    }

    /// <inheritdoc />
    public override bool ChangesInSteps => true;

    /// <inheritdoc />
    public override double LearningRateAt(int epoch) => _initialLearningRate * Math.Pow(_gamma, epoch / _stepSize);
}
