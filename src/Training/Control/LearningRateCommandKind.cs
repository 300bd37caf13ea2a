namespace HyperTune.Training.Control;

/// <summary>What a learning-rate command does.</summary>
public enum LearningRateCommandKind
{
    /// <summary>Multiply the learning rate by a factor from now on.</summary>
    Decay,

    /// <summary>Set the learning rate to a value; the schedule continues relative to it.</summary>
    Set,
}
