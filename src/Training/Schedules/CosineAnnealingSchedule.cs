namespace HyperTune.Training.Schedules;

/// <summary>
/// Cosine annealing over the run: lr(e) = η_min + (lr₀ − η_min) · (1 + cos(π · e / T)) / 2, with T the number of
/// epochs; after T epochs the rate stays at η_min.
/// </summary>
public sealed class CosineAnnealingSchedule : StatelessSchedule
{
    private readonly double _initialLearningRate;
    private readonly double _etaMin;
    private readonly int _periodEpochs;

    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">lr₀.</param>
    /// <param name="etaMin">The floor η_min.</param>
    /// <param name="periodEpochs">T, at least 1.</param>
    public CosineAnnealingSchedule(double initialLearningRate, double etaMin, int periodEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodEpochs, 1);
        (_initialLearningRate, _etaMin, _periodEpochs) = (initialLearningRate, etaMin, periodEpochs);
    }

    /// <inheritdoc />
    public override double LearningRateAt(int epoch) =>
        _etaMin + ((_initialLearningRate - _etaMin) * (1 + Math.Cos(Math.PI * Math.Min(epoch, _periodEpochs) / _periodEpochs)) / 2);
}
