namespace HyperTune.Training.Schedules;

/// <summary>
/// A learning-rate schedule over epochs. It gives the scheduled learning rate of each epoch (0-based); warm-up and
/// live commands are applied on top of it by the <see cref="LearningRateController"/>.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>
    /// True when the schedule changes the rate in discrete steps (step decay, reduce-on-plateau); each step is then
    /// recorded as an event so curves can mark it. Continuous schedules change every epoch and record none.
    /// </summary>
    bool ChangesInSteps { get; }

    /// <summary>The scheduled learning rate of <paramref name="epoch"/> (0-based).</summary>
    double LearningRateAt(int epoch);

    /// <summary>Hears the validation loss at the end of <paramref name="epoch"/>; stateful schedules update here.</summary>
    void OnEpochEnd(int epoch, double validationLoss);

    /// <summary>The schedule's mutable state, for checkpoints. Stateless schedules return an empty array.</summary>
    double[] SaveState();

    /// <summary>Restores state returned by <see cref="SaveState"/>.</summary>
    void RestoreState(double[] state);
}
