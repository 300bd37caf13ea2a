using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Specs;

public sealed class StudySpecValidatorTests
{
    [Fact]
    public void Validate_Example_NoErrors() => Assert.Empty(StudySpecValidator.Validate(TestSpecs.Example));

    [Theory]
    [InlineData("""{"learnig_rate": {"type":"loguniform","low":1e-4,"high":1}}""", "$.search_space.learnig_rate", "did you mean 'learning_rate'")]
    [InlineData("""{"hidden_units_9": 64}""", "$.search_space.hidden_units_9", "unknown hyperparameter")]
    [InlineData("""{"dropout": {"type":"uniform","low":0,"high":0.99}}""", "$.search_space.dropout.high", "at most 0.95")]
    [InlineData("""{"learning_rate": {"type":"uniform","low":0,"high":0.1}}""", "$.search_space.learning_rate.low", "greater than 0")]
    [InlineData("""{"momentum": {"type":"uniform","low":0.9,"high":0.5}}""", "$.search_space.momentum.low", "less than high")]
    [InlineData("""{"learning_rate": {"type":"loguniform","low":-1,"high":0.1}}""", "$.search_space.learning_rate.low", "greater than 0")]
    [InlineData("""{"optimizer": {"type":"choice","values":["sgd", 3]}}""", "$.search_space.optimizer.values[1]", "must be one of")]
    [InlineData("""{"optimizer": {"type":"choice","values":["sgd","lion"]}}""", "$.search_space.optimizer.values[1]", "lion")]
    [InlineData("""{"batch_size": {"type":"choice","values":[32, 48.5]}}""", "$.search_space.batch_size.values[1]", "whole number")]
    [InlineData("""{"momentum": {"type":"choice","values":[0.9, "high"]}}""", "$.search_space.momentum.values[1]", "must be a number")]
    [InlineData("""{"optimizer": {"type":"choice","values":[]}}""", "$.search_space.optimizer.values", "at least one")]
    [InlineData("""{"batch_size": {"type":"uniform","low":16,"high":256}}""", "$.search_space.batch_size", "whole number")]
    [InlineData("""{"momentum": {"type":"int","low":0,"high":1}}""", "$.search_space.momentum", "real number")]
    [InlineData("""{"optimizer": {"type":"int","low":0,"high":1}}""", "$.search_space.optimizer", "use a choice")]
    [InlineData("""{"hidden_layers": {"type":"int","low":1,"high":12}}""", "$.search_space.hidden_layers.high", "at most 8")]
    [InlineData("""{"epochs": 0}""", "$.search_space.epochs", "at least 1")]
    [InlineData("""{"nesterov": "yes"}""", "$.search_space.nesterov", "true or false")]
    [InlineData("""{"gamma": {"type":"uniform","low":0.1,"high":0.9,"when":{"schedule":["step"]}}}""", "$.search_space.gamma.when.schedule", "not in the search space")]
    [InlineData("""{"schedule": {"type":"choice","values":["step"]}, "gamma": {"type":"uniform","low":0.1,"high":0.9,"when":{"schedule":["cosine"]}}}""", "$.search_space.gamma.when.schedule[0]", "not a value of 'schedule'")]
    [InlineData("""{"batch_size": {"type":"choice","values":[32],"when":{"epochs":[1]}}, "epochs": {"type":"choice","values":[1],"when":{"batch_size":[32]}}}""", "$.search_space.batch_size.when", "cycle")]
    public void Validate_SearchSpaceMistake_ReportedAtPath(string space, string path, string message)
    {
        var errors = StudySpecParser.Parse(TestSpecs.Json(space)).Errors;

        var error = Assert.Single(errors, e => e.Path == path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""", "objective": {"metric": "val_f1"}""", "$.objective.metric", "unknown metric")]
    [InlineData(""", "objective": {"metric": "val_rmse"}""", "$.objective.metric", "classification task does not report")]
    [InlineData(""", "dataset": {"kind": "regression"}, "objective": {"metric": "val_accuracy"}""", "$.objective.metric", "regression task")]
    [InlineData(""", "objective": {"metric": "val_loss", "direction": "up"}""", "$.objective.direction", "minimize, maximize")]
    [InlineData(""", "dataset": {"kind": "imagenet"}""", "$.dataset.kind", "unknown dataset kind")]
    [InlineData(""", "dataset": {"kind": "csv", "label_column": "y"}""", "$.dataset.path", "required")]
    [InlineData(""", "dataset": {"kind": "csv", "path": "a.csv"}""", "$.dataset.label_column", "required")]
    [InlineData(""", "dataset": {"validation_fraction": 0.95}""", "$.dataset.validation_fraction", "at most 0.9")]
    [InlineData(""", "dataset": {"validation_fraction": 0}""", "$.dataset.validation_fraction", "greater than 0")]
    [InlineData(""", "dataset": {"kind": "digits", "task": "regression"}""", "$.dataset.task", "classification")]
    [InlineData(""", "budget": {"max_trials": 0}""", "$.budget.max_trials", "at least 1")]
    [InlineData(""", "budget": {"max_concurrent_trials": 0}""", "$.budget.max_concurrent_trials", "at least 1")]
    [InlineData(""", "budget": {"max_epochs_per_trial": -2}""", "$.budget.max_epochs_per_trial", "at least 1")]
    [InlineData(""", "budget": {"wall_clock_limit": "00:00:00"}""", "$.budget.wall_clock_limit", "longer than zero")]
    [InlineData(""", "budget": {"wall_clock_limit": "30 minutes"}""", "$.budget.wall_clock_limit", "duration")]
    [InlineData(""", "checkpoint_interval": -1""", "$.checkpoint_interval", "at least 0")]
    [InlineData(""", "scheduler": {"kind": "bogus"}""", "$.scheduler.kind", "unknown scheduler kind 'bogus'")]
    [InlineData(""", "scheduler": {"kind": "none", "grace_period": 1}""", "$.scheduler.grace_period", "takes none")]
    public void Validate_SpecMistake_ReportedAtPath(string extra, string path, string message)
    {
        var errors = StudySpecParser.Parse(TestSpecs.Json("{}", extra: extra)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind": "bogus"}""", "$.searcher.kind", "unknown searcher kind 'bogus'; known kinds: grid, random, tpe")]
    [InlineData("""{"kind": "grid", "shufle": true}""", "$.searcher.shufle", "known options: max_points, shuffle")]
    [InlineData("""{"kind": "grid", "shuffle": "yes"}""", "$.searcher.shuffle", "true or false")]
    [InlineData("""{"kind": "grid", "max_points": 0}""", "$.searcher.max_points", "between 1 and 10000000")]
    [InlineData("""{"kind": "random", "seed": 1.5}""", "$.searcher.seed", "whole number")]
    public void Validate_SearcherMistake_ReportedAtPath(string searcher, string path, string message)
    {
        var errors = StudySpecParser.Parse(TestSpecs.Json("""{"optimizer": {"type":"choice","values":["sgd","adam"]}}""", searcher)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GridOverContinuousDomain_ReportedAtParameter()
    {
        var errors = StudySpecParser.Parse(TestSpecs.Json(
            """{"learning_rate": {"type":"loguniform","low":1e-4,"high":1}, "batch_size": {"type":"int","low":16,"high":64,"step":16}}""",
            """{"kind":"grid"}""")).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("$.search_space.learning_rate", error.Path);
        Assert.Contains("grid search needs listed values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GridLargerThanMaxPoints_Reported()
    {
        var errors = StudySpecParser.Parse(TestSpecs.Json(
            """{"batch_size": {"type":"int","low":1,"high":100}, "hidden_units": {"type":"int","low":1,"high":100}}""",
            """{"kind":"grid","max_points":5000}""")).Errors;

        Assert.Equal("$.search_space", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_CsvWithoutPathAndLabel_BothReported() =>
        Assert.Equal(
            ["$.dataset.path", "$.dataset.label_column"],
            StudySpecParser.Parse(TestSpecs.Json("{}", extra: """, "dataset": {"kind": "csv"}""")).Errors.Select(e => e.Path));

    [Fact]
    public void Validate_MoreConcurrentThanTrials_Allowed() =>
        Assert.Empty(StudySpecValidator.Validate(TestSpecs.Example with { Budget = new BudgetSpec { MaxTrials = 1, MaxConcurrentTrials = 4 } }));

    [Fact]
    public void Validate_CsvRegressionWithR2_Allowed() =>
        Assert.Empty(StudySpecValidator.Validate(new StudySpec
        {
            Name = "csv",
            Dataset = new DatasetSpec { Kind = DatasetKinds.Csv, Path = "a.csv", LabelColumn = "y", Task = TaskKind.Regression },
            Objective = ObjectiveSpec.For("val_r2"),
        }));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    public void Validate_BadName_Reported(string name) =>
        Assert.Equal("$.name", Assert.Single(StudySpecValidator.Validate(TestSpecs.Example with { Name = name })).Path);

    [Fact]
    public void ThrowIfInvalid_Invalid_ThrowsListingEveryError()
    {
        var spec = TestSpecs.Example with { Name = "", CheckpointInterval = -1 };

        var exception = Assert.Throws<StudySpecException>(() => StudySpecValidator.ThrowIfInvalid(spec));

        Assert.Equal(["$.name", "$.checkpoint_interval"], exception.Errors.Select(e => e.Path));
    }
}
