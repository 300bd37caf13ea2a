using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Values;

namespace HyperTune.Search.Specs;

/// <summary>How much a study may spend.</summary>
public sealed record BudgetSpec
{
    /// <summary>The most trials the searcher suggests (failed ones count). Default 10; at least 1.</summary>
    public int MaxTrials { get; init; } = 10;

    /// <summary>The most trials running at once. Default 2; at least 1 (more than <see cref="MaxTrials"/> is allowed).</summary>
    public int MaxConcurrentTrials { get; init; } = 2;

    /// <summary>
    /// The most epochs any trial trains; a trial stops at the smaller of this and its <c>epochs</c> hyperparameter.
    /// Default 20; at least 1.
    /// </summary>
    public int MaxEpochsPerTrial { get; init; } = 20;

    /// <summary>
    /// The longest the whole study may run; after it no new trials start and running ones are stopped. Default null:
    /// no limit. JSON: a <see cref="TimeSpan"/> in constant format, <c>"00:30:00"</c> or <c>"1.00:00:00"</c>.
    /// </summary>
    public TimeSpan? WallClockLimit { get; init; }

    /// <summary>
    /// The epochs a trial with <paramref name="config"/> trains: its <c>epochs</c> hyperparameter capped at
    /// <see cref="MaxEpochsPerTrial"/>, or the cap itself when the config has none (the budget is the default).
    /// </summary>
    public int EpochsFor(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        long epochs = config.TryGetValue(HyperparameterNames.Epochs, out var value) && value.Kind == ParameterValueKind.Int
            ? value.AsInt64()
            : MaxEpochsPerTrial;
        return (int)Math.Clamp(epochs, 1, Math.Max(1, MaxEpochsPerTrial));
    }
}
