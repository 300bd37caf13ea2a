namespace HyperTune.Training.Configuration;

/// <summary>The learning-rate schedules.</summary>
public enum ScheduleKind
{
    /// <summary>The learning rate stays at its initial value.</summary>
    Constant,

    /// <summary>lr₀ · γ^⌊epoch / step_size⌋.</summary>
    Step,

    /// <summary>lr₀ · γ^epoch.</summary>
    Exponential,

    /// <summary>η_min + (lr₀ − η_min) · (1 + cos(π · epoch / epochs)) / 2.</summary>
    Cosine,

    /// <summary>Multiply by a factor when the validation loss stops improving for a number of epochs.</summary>
    Plateau,
}
