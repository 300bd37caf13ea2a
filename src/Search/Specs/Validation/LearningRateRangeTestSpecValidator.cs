using System.Globalization;
using HyperTune.Search.Algorithms;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.RangeTest;

namespace HyperTune.Search.Specs.Validation;

/// <summary>
/// Checks <c>$.lr_range_test</c>: the rules of <see cref="LearningRateRangeTestOptions.Validate"/> as spec errors (all
/// of them at once, every number finite so that it has a JSON form), the names and values of <c>config</c> against the
/// engine's catalog (as fixed values of the search space are), and, with <c>set_bounds</c>, that the study can still
/// search once the test has made <c>learning_rate</c> log-uniform.
/// </summary>
internal static class LearningRateRangeTestSpecValidator
{
    private const string Path = "$.lr_range_test";

    /// <summary>Bounds standing in for a result when checking what <c>set_bounds</c> will make of the space.</summary>
    private static readonly RangeTestResult PlaceholderResult = new()
    {
        Points = [],
        StopReason = RangeTestStopReason.Completed,
        SuggestedLearningRate = 1e-3,
        MinimumLossLearningRate = 1e-2,
        SearchLow = 1e-4,
        SearchHigh = 1e-2,
        Method = "steepest",
    };

    public static IEnumerable<SpecError> Validate(StudySpec spec, AlgorithmRegistry registry)
    {
        if (spec.LearningRateRangeTest is not { } rangeTest)
        {
            yield break;
        }

        foreach (var error in ValidateOptions(rangeTest.Options, rangeTest.SetBounds))
        {
            yield return error;
        }

        var configPath = JsonPaths.Property(Path, "config");
        foreach (var (name, value) in rangeTest.Config)
        {
            foreach (var error in SearchSpaceCatalogValidator.ValidateValue(name, value, JsonPaths.Property(configPath, name)))
            {
                yield return error;
            }
        }

        if (rangeTest.SetBounds && registry.TryGetSearcher(spec.Searcher.Kind, out var searcher))
        {
            var before = searcher.Validate(spec).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
            var after = searcher.Validate(spec.WithLearningRateBounds(PlaceholderResult)).FirstOrDefault(e => !before.Contains(e.Path));
            if (after is not null)
            {
                yield return new SpecError(
                    JsonPaths.Property(Path, "set_bounds"),
                    $"makes learning_rate log-uniform once the test has run, which the {spec.Searcher.Kind} searcher cannot search ({after.Message}); set set_bounds to false to keep the space as written");
            }
        }
    }

    private static IEnumerable<SpecError> ValidateOptions(LearningRateRangeTestOptions options, bool setBounds)
    {
        var start = options.StartLearningRate;
        var end = options.EndLearningRate;
        var startValid = start > 0 && double.IsFinite(start);
        if (!startValid)
        {
            yield return Error("start_lr", Invariant($"must be a finite number greater than 0, not {start}"));
        }

        if (!double.IsFinite(end) || (startValid && !(end > start)))
        {
            yield return Error("end_lr", Invariant($"must be a finite number greater than start_lr ({start}), not {end}"));
        }
        else if (setBounds
            && HyperparameterCatalog.TryGet(HyperparameterNames.LearningRate, out var learningRate)
            && learningRate.Check(end) is { } message)
        {
            yield return Error("end_lr", $"{message} (with set_bounds the test's bounds, inside the ramp, become learning_rate's)");
        }

        if (options.Steps < 5)
        {
            yield return Error("steps", Invariant($"must be at least 5, not {options.Steps}"));
        }

        if (!(options.SmoothingBeta >= 0 && options.SmoothingBeta < 1))
        {
            yield return Error("smoothing", Invariant($"must be at least 0 and less than 1, not {options.SmoothingBeta}"));
        }

        if (!(options.DivergenceFactor > 1) || !double.IsFinite(options.DivergenceFactor))
        {
            yield return Error("divergence_factor", Invariant($"must be a finite number greater than 1, not {options.DivergenceFactor}"));
        }

        if (options.SkipStart < 0)
        {
            yield return Error("skip_start", Invariant($"must be at least 0, not {options.SkipStart}"));
        }

        if (options.SkipEnd < 0)
        {
            yield return Error("skip_end", Invariant($"must be at least 0, not {options.SkipEnd}"));
        }
    }

    private static SpecError Error(string property, string message) => new(JsonPaths.Property(Path, property), message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
