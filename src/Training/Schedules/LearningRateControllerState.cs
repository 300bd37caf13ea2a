using HyperTune.Training.Control;

namespace HyperTune.Training.Schedules;

/// <summary>The saved state of a <see cref="LearningRateController"/>.</summary>
/// <param name="Multiplier">The product of live commands.</param>
/// <param name="LastScheduled">The scheduled rate of the last step.</param>
/// <param name="Current">The effective rate of the last step.</param>
/// <param name="ScheduleState">The schedule's own state.</param>
/// <param name="Events">Every learning-rate change so far.</param>
public sealed record LearningRateControllerState(
    double Multiplier,
    double LastScheduled,
    double Current,
    double[] ScheduleState,
    IReadOnlyList<LearningRateEvent> Events);
