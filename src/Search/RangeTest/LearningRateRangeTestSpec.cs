using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.RangeTest;

/// <summary>
/// A learning-rate range test run as the first step of a study (JSON <c>"lr_range_test"</c>), or on its own: which
/// config it trains and how it ramps; with <see cref="SetBounds"/>, the study then searches the learning rate
/// log-uniformly between the bounds the test proposes.
/// </summary>
public sealed record LearningRateRangeTestSpec
{
    /// <summary>The ramp, smoothing and stop rule. Default: 1e-7 to 10 over 100 steps (fastai's).</summary>
    public LearningRateRangeTestOptions Options { get; init; } = new();

    /// <summary>
    /// Values the test trains with, over the search space's centre (<see cref="SearchSpace.Center"/>): pin the model and
    /// optimizer to test here. Its learning rate, if any, is ignored (the ramp sets it). Default: none.
    /// </summary>
    public TrialConfig Config { get; init; } = TrialConfig.Empty;

    /// <summary>
    /// True (the default): the study's <c>learning_rate</c> is searched log-uniformly between the test's proposed bounds
    /// (<see cref="RangeTestResult.SearchLow"/>, <see cref="RangeTestResult.SearchHigh"/>), in place of the spec's.
    /// False: the test only informs; the space stays as written.
    /// </summary>
    public bool SetBounds { get; init; } = true;

    /// <summary>
    /// The config the test trains: the space's centre (<see cref="SearchSpace.Center"/>) with <see cref="Config"/>'s
    /// values in place of the centre's, plus its names the space lacks. Conditions are judged on that config, as
    /// sampling would: pinning <c>optimizer</c> to <c>sgd</c> brings in a <c>momentum</c> that exists only for sgd (at
    /// its centre), and pinning it to <c>adam</c> leaves that momentum out. A value of <see cref="Config"/> is always kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The space is invalid.</exception>
    public TrialConfig ConfigFor(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var config = new Dictionary<string, ParameterValue>(Config, StringComparer.Ordinal);
        foreach (var parameter in space.SamplingOrder)
        {
            if (!config.ContainsKey(parameter.Name) && SearchSpace.IsActive(parameter, config))
            {
                config[parameter.Name] = parameter.Domain.Center;
            }
        }

        return new TrialConfig(config);
    }
}
