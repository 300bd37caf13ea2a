namespace HyperTune.Training.Control;

/// <summary>A change of learning rate sent to a running training run; it takes effect at the next optimizer step.</summary>
/// <param name="Kind">Decay by a factor or set a value.</param>
/// <param name="Value">The factor (decay) or the new learning rate (set); positive and finite.</param>
/// <param name="Source">Who sent it.</param>
public sealed record LearningRateCommand(LearningRateCommandKind Kind, double Value, LearningRateChangeSource Source)
{
    /// <summary>A command that multiplies the learning rate by <paramref name="factor"/>.</summary>
    public static LearningRateCommand Decay(double factor, LearningRateChangeSource source = LearningRateChangeSource.User) =>
        new(LearningRateCommandKind.Decay, Validate(factor, nameof(factor)), source);

    /// <summary>A command that sets the learning rate to <paramref name="value"/>.</summary>
    public static LearningRateCommand Set(double value, LearningRateChangeSource source = LearningRateChangeSource.User) =>
        new(LearningRateCommandKind.Set, Validate(value, nameof(value)), source);

    private static double Validate(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A learning-rate command needs a positive, finite value.");
        }

        return value;
    }
}
