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

    /// <summary>The config the test trains: the space's centre, overridden by <see cref="Config"/>.</summary>
    /// <exception cref="InvalidOperationException">The space is invalid.</exception>
    public TrialConfig ConfigFor(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var config = space.Center();
        foreach (var (name, value) in Config)
        {
            config = config.With(name, value);
        }

        return config;
    }
}
