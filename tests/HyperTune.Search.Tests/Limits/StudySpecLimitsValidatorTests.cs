using HyperTune.Search.Limits;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Tests.Limits;

public sealed class StudySpecLimitsValidatorTests
{
    private static readonly StudyLimits Limits = new() { MaxTrainingMemoryBytes = 6L << 30 };

    private static StudySpec Spec(string searchSpace, string extra = "") => StudySpecParser.ParseOrThrow(
        $$"""{"name": "limits", "search_space": {{{searchSpace}}}{{extra}}}""");

    [Fact]
    public void Validate_EightLayersOf65536Units_RefusedNamingHiddenUnitsAndTheLimit()
    {
        var spec = Spec("\"hidden_units\": 65536, \"hidden_layers\": 8");

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits));

        Assert.Equal("$.search_space.hidden_units", error.Path);
        Assert.Contains("8 layers × 65,536 units on 64 inputs has 30.1 G parameters", error.Message);
        Assert.Contains("at most 100 M parameters (HyperTune:Limits:MaxParameters)", error.Message);
    }

    [Fact]
    public void Validate_SyntheticTrainable_ChecksTheBudgetButNoModel()
    {
        var synthetic = ", \"trainable\": {\"kind\": \"synthetic\"}, \"budget\": {\"max_trials\": 2000000}";
        var spec = Spec("\"hidden_units\": 65536, \"hidden_layers\": 8, \"batch_size\": 100000", synthetic);

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits));

        Assert.Equal("$.budget.max_trials", error.Path);
    }

    [Fact]
    public void Validate_WidestValueOfTheSpace_IsTheOneChecked()
    {
        var spec = Spec("\"hidden_units\": {\"type\": \"int\", \"low\": 100, \"high\": 65536, \"step\": 1000}, \"hidden_layers\": {\"type\": \"choice\", \"values\": [1, 8]}");

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits));

        // 65,100 is the largest point of the int domain's step grid.
        Assert.Contains("8 layers × 65,100 units", error.Message);
    }

    [Fact]
    public void Validate_PerLayerWidth_OverridesHiddenUnits()
    {
        var spec = Spec("\"hidden_layers\": 2, \"hidden_units\": 16, \"hidden_units_2\": {\"type\": \"choice\", \"values\": [8, 60000]}");

        var model = StudySpecLimitsValidator.WorstCaseModel(spec);

        Assert.Equal([16, 60_000], model.HiddenUnits);
    }

    [Fact]
    public void Validate_ModelWithinParametersButNotMemory_RefusedNamingTheMemoryLimit()
    {
        // 3 × 4096² ≈ 50 M parameters: under the parameter limit, over 512 MiB with Adam.
        var spec = Spec("\"hidden_units\": 4096, \"hidden_layers\": 4");

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits with { MaxTrainingMemoryBytes = 512L << 20 }));

        Assert.Equal("$.search_space.hidden_units", error.Path);
        Assert.Contains("at most 512 MiB per trial (HyperTune:Limits:MaxTrainingMemoryBytes)", error.Message);
    }

    [Fact]
    public void Validate_HugeBatchOnLargeData_RefusedNamingTheBatchSize()
    {
        var spec = Spec("\"hidden_units\": 2048, \"hidden_layers\": 4, \"batch_size\": {\"type\": \"choice\", \"values\": [32, 65536]}, \"dropout\": 0.5");

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits with { MaxTrainingMemoryBytes = 1L << 30 }, new DatasetShape(100, 2, 1_000_000, 10)));

        Assert.Equal("$.search_space.batch_size", error.Path);
    }

    [Fact]
    public void Validate_TheDefaultsOfTheEngine_Fit()
    {
        Assert.Empty(StudySpecLimitsValidator.Validate(StudySpecParser.ParseOrThrow(TestSpecs.ExampleJson), Limits));
        Assert.Empty(StudySpecLimitsValidator.Validate(new StudySpec { Name = "defaults" }, Limits));
    }

    [Fact]
    public void Validate_BudgetOverTheLimits_RefusedNamingEachField()
    {
        var spec = Spec("\"hidden_units\": 8", ", \"budget\": {\"max_trials\": 2000000, \"max_epochs_per_trial\": 100000}");

        var errors = StudySpecLimitsValidator.Validate(spec, Limits with { MaxEpochsPerTrial = 1000 });

        Assert.Equal(["$.budget.max_trials", "$.budget.max_epochs_per_trial"], errors.Select(e => e.Path));
        Assert.Contains("at most 1,000,000", errors[0].Message);
    }

    [Fact]
    public void Validate_BatchSizeOverTheLimit_Refused()
    {
        var spec = Spec("\"batch_size\": {\"type\": \"int\", \"low\": 32, \"high\": 1000000, \"log\": true}, \"hidden_units\": 8");

        var errors = StudySpecLimitsValidator.Validate(spec, Limits);

        Assert.Contains(errors, e => e.Path == "$.search_space.batch_size" && e.Message.Contains("at most 65,536", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LongChoiceList_Refused()
    {
        var values = string.Join(", ", Enumerable.Range(1, 20).Select(i => i * 8));
        var spec = Spec($"\"hidden_units\": {{\"type\": \"choice\", \"values\": [{values}]}}");

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits with { MaxChoiceValues = 10 }));

        Assert.Equal("$.search_space.hidden_units.values", error.Path);
    }

    [Fact]
    public void Validate_CsvNotRead_ChecksWithTheSmallestShape()
    {
        var spec = StudySpecParser.ParseOrThrow("""
            {"name": "csv", "dataset": {"kind": "csv", "path": "train.csv", "label_column": "y"},
             "search_space": {"hidden_units": 65536, "hidden_layers": 8}}
            """);

        var error = Assert.Single(StudySpecLimitsValidator.Validate(spec, Limits));

        Assert.Contains("on 1 inputs", error.Message);
    }

    [Fact]
    public void WorstCaseModel_ChoiceOfOptimizersAndBatchNorm_TakesTheCostliest()
    {
        var spec = Spec("\"optimizer\": {\"type\": \"choice\", \"values\": [\"sgd\", \"adamw\"]}, \"batch_norm\": {\"type\": \"choice\", \"values\": [false, true]}, \"dropout\": {\"type\": \"uniform\", \"low\": 0, \"high\": 0.5}");

        var model = StudySpecLimitsValidator.WorstCaseModel(spec);

        Assert.Equal(2, model.OptimizerStateCopies);
        Assert.True(model.BatchNorm);
        Assert.True(model.Dropout);
        Assert.Equal([128, 128], model.HiddenUnits);
        Assert.Equal(64, model.BatchSize);
    }

    [Fact]
    public void WithAutomaticMemory_HalfTheMachineSharedBySlots()
    {
        Assert.Equal(6L << 30, new StudyLimits().WithAutomaticMemory(24L << 30, 2).MaxTrainingMemoryBytes);
        Assert.Equal(1L << 30, new StudyLimits { MaxTrainingMemoryBytes = 1L << 30 }.WithAutomaticMemory(24L << 30, 2).MaxTrainingMemoryBytes);
    }

    [Fact]
    public void FromSpec_BuiltinKinds_ShapeFollowsTheSpec()
    {
        Assert.Equal(new DatasetShape(64, 10, 1437, 360), DatasetShapes.FromSpec(new DatasetSpec()));
        Assert.Equal(new DatasetShape(7, 5, 750, 250), DatasetShapes.FromSpec(new DatasetSpec { Kind = DatasetKinds.Blobs, Features = 7, Classes = 5, Samples = 1000, ValidationFraction = 0.25 }));
        Assert.Equal(10, DatasetShapes.FromSpec(new DatasetSpec { Kind = DatasetKinds.Regression })!.Features);
        Assert.Null(DatasetShapes.FromSpec(new DatasetSpec { Kind = DatasetKinds.Csv, Path = "x.csv" }));
    }
}
