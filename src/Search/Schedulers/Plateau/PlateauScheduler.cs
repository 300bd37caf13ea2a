using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers.Plateau;

/// <summary>
/// Automatic learning-rate decay on a plateau: when a trial's objective has not improved (by more than
/// <see cref="PlateauSchedulerOptions.Threshold"/> of the best) for more than
/// <see cref="PlateauSchedulerOptions.Patience"/> epochs, it answers <see cref="DecayLearningRateDecision"/> with
/// <see cref="PlateauSchedulerOptions.Factor"/>, then ignores <see cref="PlateauSchedulerOptions.Cooldown"/> epochs. It
/// never prunes. The same rule as PyTorch's <c>ReduceLROnPlateau</c> (relative threshold), applied from outside the
/// trial through the decay command a person would send. A NaN result counts as no improvement.
/// </summary>
/// <remarks>
/// The scheduler tracks each trial's learning rate as the config's <c>learning_rate</c> (or the engine's default)
/// times the decays it sent, to respect <see cref="PlateauSchedulerOptions.MinLr"/>; schedules and people changing the
/// rate meanwhile are not seen.
/// </remarks>
public sealed class PlateauScheduler : TrialSchedulerBase
{
    private readonly PlateauSchedulerOptions _options;
    private readonly Dictionary<string, PlateauTrialState> _states = new(StringComparer.Ordinal);

    /// <summary>Creates the scheduler of a spec.</summary>
    public PlateauScheduler(StudySpec spec, PlateauSchedulerOptions? options = null, TimeProvider? time = null)
        : base(spec, time)
    {
        _options = options ?? new PlateauSchedulerOptions();
    }

    /// <inheritdoc />
    public override string Kind => PlateauSchedulerProvider.KindName;

    /// <summary>The plateau bookkeeping of a trial, or null for an unknown one.</summary>
    public PlateauTrialState? StateOf(string trialId) => _states.GetValueOrDefault(trialId);

    /// <inheritdoc />
    protected override void OnAdded(SchedulerTrial trial) =>
        _states[trial.Id] = new PlateauTrialState { LearningRate = LearningRateOf(trial) };

    /// <inheritdoc />
    protected override SchedulerDecision Decide(SchedulerTrial trial, int epoch, double score)
    {
        var state = _states[trial.Id];
        if (score > state.Best + (_options.Threshold * Math.Abs(state.Best)) || (double.IsNegativeInfinity(state.Best) && !double.IsNegativeInfinity(score)))
        {
            state.Best = score;
            state.BadEpochs = 0;
        }
        else
        {
            state.BadEpochs++;
        }

        if (state.CooldownLeft > 0)
        {
            state.CooldownLeft--;
            state.BadEpochs = 0;
        }

        if (state.BadEpochs <= _options.Patience)
        {
            return SchedulerDecision.Continue;
        }

        state.BadEpochs = 0;
        var target = Math.Max(state.LearningRate * _options.Factor, _options.MinLr);
        if (!(state.LearningRate > 0) || target >= state.LearningRate * (1 - 1e-12))
        {
            return SchedulerDecision.Continue; // at min_lr already
        }

        var factor = target / state.LearningRate;
        state.LearningRate = target;
        state.CooldownLeft = _options.Cooldown;
        state.Decays++;
        return SchedulerDecision.DecayLearningRate(factor, string.Create(
            CultureInfo.InvariantCulture,
            $"{Spec.Objective.Metric} has not improved on {Metric(state.Best)} for {_options.Patience + 1} epochs (epoch {epoch}); learning rate × {Format4(factor)} to {Format4(target)}"));
    }

    /// <inheritdoc />
    protected override JsonObject? SaveTrialAlgorithmState(SchedulerTrial trial) =>
        _states.TryGetValue(trial.Id, out var state) ? JsonSerializer.SerializeToNode(state, AlgorithmJson.Options)!.AsObject() : null;

    /// <inheritdoc />
    protected override void RestoreAlgorithmState(JsonObject shared, Func<SchedulerTrial, JsonObject?> trialState)
    {
        _states.Clear();
        foreach (var trial in Trials)
        {
            _states[trial.Id] = trialState(trial)?.Deserialize<PlateauTrialState>(AlgorithmJson.Options)
                ?? throw new InvalidOperationException($"The plateau state has no state of trial '{trial.Id}'.");
        }
    }

    /// <summary>Format 1 kept every trial's plateau state together: each goes to its trial's part.</summary>
    private protected override JsonObject UpgradeFormat1(JsonObject algorithm, Dictionary<string, JsonObject> trialStates)
    {
        var trials = algorithm["trials"]?.AsObject() ?? throw new InvalidOperationException("The plateau state has no trials.");
        foreach (var (id, state) in trials)
        {
            trialStates[id] = state?.DeepClone().AsObject() ?? throw new InvalidOperationException($"The plateau state of trial '{id}' is null.");
        }

        return [];
    }

    private static double LearningRateOf(SchedulerTrial trial) =>
        trial.Config.TryGetValue(HyperparameterNames.LearningRate, out var value) && value.IsNumber
            ? value.AsDouble()
            : HyperparameterCatalog.TryGet(HyperparameterNames.LearningRate, out var definition) && HyperparameterDefinition.TryGetNumber(definition.Default, out var number)
                ? number
                : 1e-3;
}
