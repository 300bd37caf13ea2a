namespace HyperTune.Training.Schedules;

/// <summary>
/// Reduce-on-plateau: when the validation loss has not improved by a relative <c>threshold</c> for more than
/// <c>patience</c> epochs, the rate is multiplied by <c>factor</c> (never below <c>min_lr</c>) and the count restarts.
/// The same rule as PyTorch's <c>ReduceLROnPlateau</c> in <c>min</c> mode with relative threshold and no cooldown.
/// </summary>
public sealed class ReduceOnPlateauSchedule : ILearningRateSchedule
{
    private readonly double _factor;
    private readonly int _patience;
    private readonly double _threshold;
    private readonly double _minLearningRate;
    private double _current;
    private double _best = double.PositiveInfinity;
    private int _badEpochs;

    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">lr₀.</param>
    /// <param name="factor">Multiplier on a plateau, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement that are tolerated.</param>
    /// <param name="threshold">Relative improvement that counts.</param>
    /// <param name="minLearningRate">Floor of the rate.</param>
    public ReduceOnPlateauSchedule(double initialLearningRate, double factor, int patience, double threshold, double minLearningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        (_current, _factor, _patience, _threshold, _minLearningRate) = (initialLearningRate, factor, patience, threshold, minLearningRate);
    }

    /// <inheritdoc />
    public bool ChangesInSteps => true;

    /// <inheritdoc />
    public double LearningRateAt(int epoch) => _current;

    /// <inheritdoc />
    public void OnEpochEnd(int epoch, double validationLoss)
    {
        if (validationLoss < _best * (1 - _threshold))
        {
            _best = validationLoss;
            _badEpochs = 0;
            return;
        }

        _badEpochs++;
        if (_badEpochs > _patience)
        {
            _current = Math.Max(_current * _factor, _minLearningRate);
            _badEpochs = 0;
        }
    }

    /// <inheritdoc />
    public double[] SaveState() => [_current, _best, _badEpochs];

    /// <inheritdoc />
    public void RestoreState(double[] state)
    {
        if (state.Length != 3)
        {
            throw new ArgumentException($"Reduce-on-plateau state has 3 values, not {state.Length}.", nameof(state));
        }

        (_current, _best, _badEpochs) = (state[0], state[1], (int)state[2]);
    }
}
