using HyperTune.Training.Configuration;

namespace HyperTune.Training.Schedules;

/// <summary>Creates the schedule a <see cref="TrainingConfig"/> asks for.</summary>
public static class LearningRateScheduleFactory
{
    /// <summary>Creates the schedule of <paramref name="config"/>.</summary>
    public static ILearningRateSchedule Create(TrainingConfig config) => config.Schedule switch
    {
        ScheduleKind.Constant => new ConstantSchedule(config.LearningRate),
        ScheduleKind.Step => new StepDecaySchedule(config.LearningRate, config.StepSize, config.Gamma),
        ScheduleKind.Exponential => new ExponentialDecaySchedule(config.LearningRate, config.Gamma),
        ScheduleKind.Cosine => new CosineAnnealingSchedule(config.LearningRate, config.EtaMin, config.Epochs),
        ScheduleKind.Plateau => new ReduceOnPlateauSchedule(config.LearningRate, config.PlateauFactor, config.PlateauPatience, config.PlateauThreshold, config.MinLearningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Schedule, "Unknown schedule."),
    };
}
