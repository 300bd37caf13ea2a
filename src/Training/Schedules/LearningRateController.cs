using HyperTune.Search.Hyperparameters;
using HyperTune.Training.Control;

namespace HyperTune.Training.Schedules;

/// <summary>
/// Computes the effective learning rate of every optimizer step:
/// <c>schedule(epoch) · warm-up(step) · multiplier</c>. Live commands change only the multiplier, so a ×0.5 decay
/// halves every scheduled rate from then on, and setting a value keeps the schedule going relative to it.
/// Every change is recorded as a <see cref="LearningRateEvent"/>.
/// </summary>
public sealed class LearningRateController
{
    private readonly ILearningRateSchedule _schedule;
    private readonly long _warmupSteps;
    private readonly List<LearningRateEvent> _events = [];
    private double _multiplier = 1.0;
    private double _lastScheduled = double.NaN;

    /// <summary>Creates a controller.</summary>
    /// <param name="schedule">The epoch schedule.</param>
    /// <param name="warmupSteps">Steps of linear warm-up from the first step; 0 for none.</param>
    public LearningRateController(ILearningRateSchedule schedule, long warmupSteps)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        (_schedule, _warmupSteps) = (schedule, warmupSteps);
    }

    /// <summary>The effective learning rate of the last step computed.</summary>
    public double Current { get; private set; } = double.NaN;

    /// <summary>The product of all live commands so far.</summary>
    public double Multiplier => _multiplier;

    /// <summary>Every change so far, oldest first.</summary>
    public IReadOnlyList<LearningRateEvent> Events => _events;

    /// <summary>The warm-up factor of global step <paramref name="step"/> (1-based): step / warm-up steps, at most 1.</summary>
    public double WarmupFactor(long step) => _warmupSteps == 0 ? 1.0 : Math.Min(1.0, (double)step / _warmupSteps);

    /// <summary>Computes the rate of step <paramref name="step"/> (1-based, global) in epoch <paramref name="epoch"/> (1-based).</summary>
    public double ForStep(int epoch, long step)
    {
        var scheduled = _schedule.LearningRateAt(epoch - 1);
        var rate = scheduled * WarmupFactor(step) * _multiplier;
        if (!double.IsNaN(_lastScheduled) && scheduled != _lastScheduled && !double.IsNaN(Current) && _schedule.ChangesInSteps)
        {
            _events.Add(new LearningRateEvent(epoch, step, Current, rate, LearningRateChangeSource.Schedule, null));
        }

        _lastScheduled = scheduled;
        Current = rate;
        return rate;
    }

    /// <summary>
    /// Applies a command before step <paramref name="step"/>; returns the recorded event. The resulting rate is capped at
    /// <see cref="LearningRateCommandLimits.MaxLearningRate"/>, so no sequence of commands can overflow float32; a command
    /// that cannot be expressed as a multiplier (setting a rate while the schedule gives 0) leaves it unchanged.
    /// </summary>
    public LearningRateEvent Apply(LearningRateCommand command, int epoch, long step)
    {
        ArgumentNullException.ThrowIfNull(command);
        var before = ForStepWithoutEvents(epoch, step);
        var scheduled = before / _multiplier;
        var multiplier = command.Kind == LearningRateCommandKind.Decay ? _multiplier * command.Value : _multiplier * (command.Value / before);
        if (scheduled > 0 && scheduled * multiplier > LearningRateCommandLimits.MaxLearningRate)
        {
            multiplier = LearningRateCommandLimits.MaxLearningRate / scheduled;
        }

        if (double.IsFinite(multiplier) && multiplier > 0)
        {
            _multiplier = multiplier;
        }

        var after = ForStepWithoutEvents(epoch, step);
        var change = new LearningRateEvent(epoch, step, before, after, command.Source, command.Kind);
        _events.Add(change);
        return change;
    }

    /// <summary>Tells the schedule the validation loss at the end of <paramref name="epoch"/> (1-based).</summary>
    public void OnEpochEnd(int epoch, double validationLoss) => _schedule.OnEpochEnd(epoch - 1, validationLoss);

    /// <summary>The controller's state, for checkpoints.</summary>
    public LearningRateControllerState Save() => new(_multiplier, _lastScheduled, Current, _schedule.SaveState(), [.. _events]);

    /// <summary>Restores a state from <see cref="Save"/>.</summary>
    public void Restore(LearningRateControllerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _schedule.RestoreState(state.ScheduleState);
        (_multiplier, _lastScheduled, Current) = (state.Multiplier, state.LastScheduled, state.Current);
        _events.Clear();
        _events.AddRange(state.Events);
    }

    private double ForStepWithoutEvents(int epoch, long step) => _schedule.LearningRateAt(epoch - 1) * WarmupFactor(step) * _multiplier;
}
