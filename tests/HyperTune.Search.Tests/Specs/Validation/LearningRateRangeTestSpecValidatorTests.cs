using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs.Validation;

public sealed class LearningRateRangeTestSpecValidatorTests
{
    private static StudySpec With(LearningRateRangeTestSpec rangeTest) => TestSpecs.Example with { LearningRateRangeTest = rangeTest };

    private static StudySpec With(LearningRateRangeTestOptions options, bool setBounds = true) =>
        With(new LearningRateRangeTestSpec { Options = options, SetBounds = setBounds });

    private static StudySpec WithConfig(string name, ParameterValue value) =>
        With(new LearningRateRangeTestSpec { Config = new TrialConfig([KeyValuePair.Create(name, value)]) });

    public static TheoryData<LearningRateRangeTestOptions, string, string> OptionMistakes() => new()
    {
        { new() { StartLearningRate = 0 }, "$.lr_range_test.start_lr", "greater than 0, not 0" },
        { new() { StartLearningRate = -1e-3 }, "$.lr_range_test.start_lr", "greater than 0" },
        { new() { StartLearningRate = double.NaN }, "$.lr_range_test.start_lr", "finite" },
        { new() { EndLearningRate = 1e-7 }, "$.lr_range_test.end_lr", "greater than start_lr (1E-07), not 1E-07" },
        { new() { StartLearningRate = 1, EndLearningRate = 0.1 }, "$.lr_range_test.end_lr", "greater than start_lr (1)" },
        { new() { EndLearningRate = double.PositiveInfinity }, "$.lr_range_test.end_lr", "finite" },
        { new() { EndLearningRate = 1000 }, "$.lr_range_test.end_lr", "at most 100" },
        { new() { Steps = 4 }, "$.lr_range_test.steps", "at least 5, not 4" },
        { new() { SmoothingBeta = 1 }, "$.lr_range_test.smoothing", "less than 1, not 1" },
        { new() { SmoothingBeta = -0.1 }, "$.lr_range_test.smoothing", "at least 0" },
        { new() { DivergenceFactor = 1 }, "$.lr_range_test.divergence_factor", "greater than 1, not 1" },
        { new() { DivergenceFactor = double.PositiveInfinity }, "$.lr_range_test.divergence_factor", "finite" },
        { new() { SkipStart = -1 }, "$.lr_range_test.skip_start", "at least 0" },
        { new() { SkipEnd = -2 }, "$.lr_range_test.skip_end", "at least 0, not -2" },
    };

    [Theory]
    [MemberData(nameof(OptionMistakes))]
    public void Validate_OptionOutOfRange_ReportedAtPath(LearningRateRangeTestOptions options, string path, string message)
    {
        var error = Assert.Single(StudySpecValidator.Validate(With(options)));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OptionMistakes))]
    public void Validate_OptionOutOfRange_SameRuleAsTheOptions(LearningRateRangeTestOptions options, string path, string message)
    {
        _ = message;
        if (path == "$.lr_range_test.end_lr" && double.IsFinite(options.EndLearningRate) && options.EndLearningRate > options.StartLearningRate)
        {
            options.Validate(); // only the study's bound on learning_rate forbids it
        }
        else if (!(path == "$.lr_range_test.divergence_factor" && double.IsPositiveInfinity(options.DivergenceFactor)))
        {
            Assert.ThrowsAny<ArgumentException>(options.Validate);
        }
    }

    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(StudySpecValidator.Validate(With(new LearningRateRangeTestSpec())));
        new LearningRateRangeTestOptions().Validate();
    }

    [Fact]
    public void Validate_EndAbove100WithoutSetBounds_Allowed() =>
        Assert.Empty(StudySpecValidator.Validate(With(new LearningRateRangeTestOptions { EndLearningRate = 1000 }, setBounds: false)));

    [Fact]
    public void Validate_EveryOptionWrong_AllReportedAtOnce()
    {
        var options = new LearningRateRangeTestOptions
        {
            StartLearningRate = -1, EndLearningRate = double.NaN, Steps = 0, SmoothingBeta = 2, DivergenceFactor = 0.5, SkipStart = -1, SkipEnd = -1,
        };

        Assert.Equal(
            ["$.lr_range_test.start_lr", "$.lr_range_test.end_lr", "$.lr_range_test.steps", "$.lr_range_test.smoothing", "$.lr_range_test.divergence_factor", "$.lr_range_test.skip_start", "$.lr_range_test.skip_end"],
            StudySpecValidator.Validate(With(options)).Select(e => e.Path));
    }

    [Theory]
    [InlineData("optimiser", "adam", "$.lr_range_test.config.optimiser", "unknown hyperparameter 'optimiser'; did you mean 'optimizer'")]
    [InlineData("hidden_units_9", 64, "$.lr_range_test.config.hidden_units_9", "unknown hyperparameter")]
    [InlineData("optimizer", "lion", "$.lr_range_test.config.optimizer", "must be one of sgd, adam, adamw, rmsprop")]
    [InlineData("hidden_units", 0, "$.lr_range_test.config.hidden_units", "at least 1")]
    [InlineData("batch_size", 48.5, "$.lr_range_test.config.batch_size", "whole number")]
    [InlineData("dropout", "high", "$.lr_range_test.config.dropout", "must be a number")]
    [InlineData("dropout", 0.99, "$.lr_range_test.config.dropout", "at most 0.95")]
    [InlineData("batch_norm", "yes", "$.lr_range_test.config.batch_norm", "true or false")]
    [InlineData("learning_rate", -1.0, "$.lr_range_test.config.learning_rate", "greater than 0")]
    public void Validate_ConfigValue_CheckedLikeAFixedValue(string name, object value, string path, string message)
    {
        var error = Assert.Single(StudySpecValidator.Validate(WithConfig(name, ParameterValue.FromObject(value))));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);

        // The same value as a fixed value of the search space gets the same message.
        var space = StudySpecValidator.Validate(new StudySpecBuilder("t").Fixed(name, ParameterValue.FromObject(value)).BuildUnvalidated());
        Assert.Equal(error.Message, Assert.Single(space).Message);
    }

    [Fact]
    public void Validate_ConfigOfNamesOutsideTheSpace_Allowed() =>
        Assert.Empty(StudySpecValidator.Validate(WithConfig("hidden_units_2", 16)));

    [Fact]
    public void Validate_GridWithSetBounds_ReportedAtSetBounds()
    {
        var spec = new StudySpecBuilder("grid")
            .Choice("learning_rate", 0.001, 0.01)
            .Choice("optimizer", "sgd", "adam")
            .WithSearcher("grid")
            .WithLearningRateRangeTest()
            .BuildUnvalidated();

        var error = Assert.Single(StudySpecValidator.Validate(spec));

        Assert.Equal("$.lr_range_test.set_bounds", error.Path);
        Assert.Contains("grid searcher", error.Message, StringComparison.Ordinal);
        Assert.Contains("set set_bounds to false", error.Message, StringComparison.Ordinal);
        Assert.Empty(StudySpecValidator.Validate(spec with { LearningRateRangeTest = spec.LearningRateRangeTest! with { SetBounds = false } }));
    }

    [Fact]
    public void Validate_GridAlreadyInvalid_NotReportedTwice()
    {
        var spec = TestSpecs.Example with { Searcher = new SearcherSpec("grid"), LearningRateRangeTest = new LearningRateRangeTestSpec() };

        var paths = StudySpecValidator.Validate(spec).Select(e => e.Path).ToList();

        Assert.Contains("$.search_space.learning_rate", paths);
        Assert.DoesNotContain("$.lr_range_test.set_bounds", paths);
    }
}
