namespace HyperTune.Training.Schedules;

/// <summary>Base of schedules that are a pure function of the epoch.</summary>
public abstract class StatelessSchedule : ILearningRateSchedule
{
    /// <inheritdoc />
    public virtual bool ChangesInSteps => false;

    /// <inheritdoc />
    public abstract double LearningRateAt(int epoch);

    /// <inheritdoc />
    public void OnEpochEnd(int epoch, double validationLoss)
    {
    }

    /// <inheritdoc />
    public double[] SaveState() => [];

    /// <inheritdoc />
    public void RestoreState(double[] state)
    {
    }
}
