using HyperTune.Search.Metrics;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class TrainableSpecTests
{
    [Fact]
    public void Parse_NoTrainableSection_IsTheMlp()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("{}"));

        Assert.Equal(TrainableSpec.Mlp, spec.Trainable);
        Assert.Equal(TrainableKinds.Mlp, spec.Trainable.Kind);
        Assert.False(spec.Trainable.IsSynthetic);
    }

    [Fact]
    public void Parse_SyntheticWithoutDataset_ReadsSecondsPerEpochAndKeepsTheDefaultDataset()
    {
        var spec = StudySpecParser.ParseOrThrow("""
            { "name": "s", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.25},
              "objective": {"metric": "val_accuracy", "direction": "maximize"} }
            """);

        Assert.True(spec.Trainable.IsSynthetic);
        Assert.Equal(0.25, spec.Trainable.SecondsPerEpoch);
        Assert.Equal(TimeSpan.FromSeconds(0.25), spec.Trainable.EpochDuration);
        Assert.Equal(new DatasetSpec(), spec.Dataset);
    }

    [Fact]
    public void EpochDuration_SyntheticWithoutSeconds_IsTheDefault()
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("{}", extra: """, "trainable": {"kind": "synthetic"}"""));

        Assert.Null(spec.Trainable.SecondsPerEpoch);
        Assert.Equal(TimeSpan.FromSeconds(TrainableSpec.DefaultSecondsPerEpoch), spec.Trainable.EpochDuration);
    }

    [Theory]
    [InlineData("""{"kind": "synthetic", "seconds_per_epoch": 0.05}""")]
    [InlineData("""{"kind": "synthetic", "seconds_per_epoch": 0}""")]
    [InlineData("""{"kind": "synthetic"}""")]
    [InlineData("""{"kind": "mlp"}""")]
    public void Write_Trainable_RoundTripsAndIsWritten(string trainable)
    {
        var spec = StudySpecParser.ParseOrThrow(TestSpecs.Json("""{"learning_rate": {"type": "loguniform", "low": 1e-4, "high": 1e-1}}""", extra: $$""", "trainable": {{trainable}}"""));

        var written = StudySpecWriter.Write(spec, indented: false);
        var again = StudySpecParser.ParseOrThrow(written);

        Assert.Equal(spec, again);
        Assert.Equal(written, StudySpecWriter.Write(again, indented: false));
        Assert.Contains($"\"trainable\":{{\"kind\":\"{spec.Trainable.Kind}\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SyntheticWithDefaultDataset_LeavesTheDatasetOut()
    {
        var synthetic = StudySpecWriter.Write(new StudySpecBuilder("s").WithTrainable(TrainableSpec.Synthetic(0.1)).Build(), indented: false);
        var regression = StudySpecWriter.Write(
            new StudySpecBuilder("r").WithTrainable(TrainableSpec.Synthetic()).WithDataset(DatasetKinds.Regression).Minimize(MetricNames.ValidationRmse).Build(),
            indented: false);
        var mlp = StudySpecWriter.Write(new StudySpecBuilder("m").Build(), indented: false);

        Assert.DoesNotContain("\"dataset\"", synthetic, StringComparison.Ordinal);
        Assert.Contains("\"trainable\":{\"kind\":\"synthetic\",\"seconds_per_epoch\":0.1}", synthetic, StringComparison.Ordinal);
        Assert.Contains("\"dataset\":{\"kind\":\"regression\"}", regression, StringComparison.Ordinal);
        Assert.Equal(DatasetKinds.Regression, StudySpecParser.ParseOrThrow(regression).Dataset.Kind);
        Assert.Contains("\"dataset\":{\"kind\":\"digits\"}", mlp, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithTrainable_EqualsTheParsedJson()
    {
        var built = new StudySpecBuilder("t").WithTrainable(TrainableSpec.Synthetic(0.05)).Build();

        var parsed = StudySpecParser.ParseOrThrow("""{ "name": "t", "trainable": {"kind": "synthetic", "seconds_per_epoch": 0.05} }""");

        Assert.Equal(parsed, built);
    }

    [Theory]
    [InlineData("""{"kind": "synthetci"}""", "$.trainable.kind", "unknown trainable kind 'synthetci'; did you mean 'synthetic'?")]
    [InlineData("""{"kind": "synthetic", "seconds_per_epoch": -0.5}""", "$.trainable.seconds_per_epoch", "must be at least 0 (0: as fast as possible) and at most 3600, not -0.5")]
    [InlineData("""{"kind": "synthetic", "seconds_per_epoch": 3601}""", "$.trainable.seconds_per_epoch", "at most 3600, not 3601")]
    [InlineData("""{"kind": "synthetic", "seconds_per_epoch": "fast"}""", "$.trainable.seconds_per_epoch", "must be a number, not \"fast\"")]
    [InlineData("""{"kind": "mlp", "seconds_per_epoch": 1}""", "$.trainable.seconds_per_epoch", "applies only to the synthetic trainable, not to mlp")]
    [InlineData("""{"kind": "synthetic", "speed": 2}""", "$.trainable.speed", "is not a property of a trainable")]
    [InlineData("""{"kind": 3}""", "$.trainable.kind", "must be a string, not 3")]
    [InlineData("""[1]""", "$.trainable", "must be an object, not an array")]
    public void Parse_BadTrainable_ReportedAtItsPath(string trainable, string path, string message)
    {
        var result = StudySpecParser.Parse(TestSpecs.Json("{}", extra: $$""", "trainable": {{trainable}}"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntheticWithRangeTest_ReportsTheRangeTest()
    {
        var result = StudySpecParser.Parse(TestSpecs.Json("{}", extra: """, "trainable": {"kind": "synthetic"}, "lr_range_test": {}"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.lr_range_test", error.Path);
        Assert.Contains("the synthetic trainable has no learning-rate range test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SyntheticOnRegressionData_ReportsRegressionMetricsOnly()
    {
        var spec = new StudySpecBuilder("r").WithTrainable(TrainableSpec.Synthetic()).WithDataset(DatasetKinds.Regression).Maximize(MetricNames.ValidationAccuracy).BuildUnvalidated();

        var error = Assert.Single(StudySpecValidator.Validate(spec));

        Assert.Equal("$.objective.metric", error.Path);
    }
}
