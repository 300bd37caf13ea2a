using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Tests.Specs.Reading;

public sealed class LearningRateRangeTestSpecReaderTests
{
    private const string Space = """{"learning_rate": {"type": "loguniform", "low": 1e-5, "high": 1}, "optimizer": {"type": "choice", "values": ["sgd", "adam"]}}""";

    private static StudySpecParseResult Parse(string rangeTest) =>
        StudySpecParser.Parse(TestSpecs.Json(Space, extra: $$""", "lr_range_test": {{rangeTest}}"""));

    private static StudySpec ParseValid(string rangeTest)
    {
        var result = Parse(rangeTest);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Spec;
    }

    [Fact]
    public void Read_SectionAbsent_NoRangeTest() =>
        Assert.Null(StudySpecParser.ParseOrThrow(TestSpecs.Json(Space)).LearningRateRangeTest);

    [Fact]
    public void Read_Null_NoRangeTest() => Assert.Null(ParseValid("null").LearningRateRangeTest);

    [Fact]
    public void Read_EmptyObject_EveryDefault()
    {
        var rangeTest = ParseValid("{}").LearningRateRangeTest;

        Assert.Equal(new LearningRateRangeTestSpec(), rangeTest);
        Assert.NotNull(rangeTest);
        Assert.Equal(1e-7, rangeTest.Options.StartLearningRate);
        Assert.Equal(10, rangeTest.Options.EndLearningRate);
        Assert.Equal(100, rangeTest.Options.Steps);
        Assert.True(rangeTest.SetBounds);
        Assert.Empty(rangeTest.Config);
    }

    [Fact]
    public void Read_EveryMember_Read()
    {
        var rangeTest = ParseValid("""
            {"start_lr": 1e-6, "end_lr": 1, "steps": 60, "smoothing": 0.9, "divergence_factor": 5, "skip_start": 3,
             "skip_end": 2, "set_bounds": false, "config": {"optimizer": "adam", "hidden_units": 64, "batch_norm": true}}
            """).LearningRateRangeTest;

        var expected = new LearningRateRangeTestSpec
        {
            Options = new LearningRateRangeTestOptions
            {
                StartLearningRate = 1e-6, EndLearningRate = 1, Steps = 60, SmoothingBeta = 0.9, DivergenceFactor = 5, SkipStart = 3, SkipEnd = 2,
            },
            SetBounds = false,
            Config = new TrialConfig(
            [
                KeyValuePair.Create("optimizer", ParameterValue.Of("adam")),
                KeyValuePair.Create("hidden_units", ParameterValue.Of(64L)),
                KeyValuePair.Create("batch_norm", ParameterValue.Of(true)),
            ]),
        };
        Assert.Equal(expected, rangeTest);
    }

    [Fact]
    public void Read_ConfigNumbers_TakeTheCatalogsType()
    {
        var config = ParseValid("""{"config": {"momentum": 0, "batch_size": 64.0, "dropout": 1e-1}}""").LearningRateRangeTest!.Config;

        Assert.Equal(ParameterValue.Of(0.0), config["momentum"]);
        Assert.Equal(ParameterValue.Of(64L), config["batch_size"]);
        Assert.Equal(ParameterValue.Of(0.1), config["dropout"]);
    }

    [Theory]
    [InlineData("""{"steps": "many"}""", "$.lr_range_test.steps", "whole number")]
    [InlineData("""{"steps": 1e10}""", "$.lr_range_test.steps", "at most")]
    [InlineData("""{"start_lr": "tiny"}""", "$.lr_range_test.start_lr", "must be a number")]
    [InlineData("""{"end_lr": null}""", "$.lr_range_test.end_lr", "must be a number")]
    [InlineData("""{"smoothing": true}""", "$.lr_range_test.smoothing", "must be a number")]
    [InlineData("""{"set_bounds": "yes"}""", "$.lr_range_test.set_bounds", "true or false")]
    [InlineData("""{"skip_start": 1.5}""", "$.lr_range_test.skip_start", "whole number")]
    [InlineData("""{"step": 50}""", "$.lr_range_test.step", "did you mean 'steps'")]
    [InlineData("""{"beta": 0.9}""", "$.lr_range_test.beta", "not a property of a learning-rate range test")]
    [InlineData("""{"config": ["adam"]}""", "$.lr_range_test.config", "must be an object")]
    [InlineData("""{"config": {"optimizer": ["sgd", "adam"]}}""", "$.lr_range_test.config.optimizer", "must be one value")]
    [InlineData("""{"config": {"epochs": null}}""", "$.lr_range_test.config.epochs", "a number, a string or true/false")]
    [InlineData("""{"config": {"": 1}}""", "$.lr_range_test.config['']", "unknown hyperparameter ''")]
    [InlineData("""{"steps": 50, "steps": 60}""", "$.lr_range_test.steps", "appears twice")]
    [InlineData("true", "$.lr_range_test", "must be an object")]
    public void Read_Mistake_ReportedAtPath(string rangeTest, string path, string message)
    {
        var error = Assert.Single(Parse(rangeTest).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralMistakes_AllReportedInOrder()
    {
        var errors = Parse("""
            {"start_lr": "tiny", "steps": 2, "smoothing": 1.5, "set_bounds": 1, "colour": "red",
             "config": {"optimizer": "lion", "hiden_units": 64, "dropout": {}}}
            """).Errors;

        Assert.Equal(
            [
                "$.lr_range_test.start_lr",
                "$.lr_range_test.set_bounds",
                "$.lr_range_test.colour",
                "$.lr_range_test.config.dropout",
                "$.lr_range_test.steps",
                "$.lr_range_test.smoothing",
                "$.lr_range_test.config.hiden_units",
                "$.lr_range_test.config.optimizer",
            ],
            errors.Select(e => e.Path));
        Assert.Contains("did you mean 'hidden_units'", errors.Single(e => e.Path == "$.lr_range_test.config.hiden_units").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithOtherSections_ErrorsOfEverySectionTogether() =>
        Assert.Equal(
            ["$.lr_range_test.steps", "$.budget.max_trials", "$.lr_range_test.divergence_factor"],
            StudySpecParser.Parse(TestSpecs.Json(Space, extra: """, "lr_range_test": {"steps": "x", "divergence_factor": 0.5}, "budget": {"max_trials": 0}""")).Errors.Select(e => e.Path));
}
