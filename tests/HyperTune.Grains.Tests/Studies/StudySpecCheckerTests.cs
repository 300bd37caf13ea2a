using HyperTune.Grains.Limits;
using HyperTune.Grains.Studies;
using HyperTune.Search.Limits;
using HyperTune.Training.Datasets;

namespace HyperTune.Grains.Tests.Studies;

public sealed class StudySpecCheckerTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("hypertune-checker-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("hypertune-outside-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private StudySpecChecker Checker(StudyLimits? limits = null) => new(
        new DatasetCatalog(DatasetCatalog.CreateBuiltinSources(new DataRoots(_data))),
        new SiloLimits(limits ?? new StudyLimits { MaxTrainingMemoryBytes = 6L << 30 }));

    private static string CsvSpec(string path, string searchSpace = "\"hidden_units\": 8", string extra = "") => $$"""
        { "name": "csv", "dataset": {"kind": "csv", "path": "{{path}}", "label_column": "label"{{extra}}},
          "search_space": { {{searchSpace}} } }
        """;

    private static string Rows(int count) =>
        "a,b,c,label\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{i},{i % 7},{i % 5},{(i % 2 == 0 ? "x" : "y")}\n"));

    [Fact]
    public async Task Check_BadCellAtLine5Column3_NamesTheFieldFileLineAndColumn()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "cells.csv"), "a,b,c,label\n1,2,3,x\n1,2,3,y\n1,2,3,x\n1,2,hunter2,y\n");

        var error = Assert.Single(await Checker().CheckAsync(CsvSpec("cells.csv")));

        Assert.Equal("$.dataset.path", error.Path);
        Assert.Equal("cells.csv, line 5, column 3 ('c'): 'hunter2' is not a number", error.Message);
    }

    [Fact]
    public async Task Check_BadValidationFile_NamesTheValidationPath()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "train.csv"), Rows(20));
        await File.WriteAllTextAsync(Path.Combine(_data, "valid.csv"), "a,b,c,label\n1,2,3,z\n");

        var error = Assert.Single(await Checker().CheckAsync(CsvSpec("train.csv", extra: ", \"validation_path\": \"valid.csv\"")));

        Assert.Equal("$.dataset.validation_path", error.Path);
        Assert.StartsWith("valid.csv, line 2, column 4 ('label')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LinkOutOfTheDataDirectory_RefusedWithoutItsContentOrFolders()
    {
        await File.WriteAllTextAsync(Path.Combine(_outside, "secret.csv"), "hunter2,label\n1,x\n");
        File.CreateSymbolicLink(Path.Combine(_data, "innocent.csv"), Path.Combine(_outside, "secret.csv"));

        var error = Assert.Single(await Checker().CheckAsync(CsvSpec("innocent.csv")));

        Assert.Equal("$.dataset.path", error.Path);
        Assert.Contains("leads out of the data directory", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_data, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_outside, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../etc/passwd")]
    [InlineData("/proc/self/environ")]
    public async Task Check_PathOutsideTheDataDirectory_RefusedBySpecValidation(string path)
    {
        var error = Assert.Single(await Checker().CheckAsync(CsvSpec(path)));

        Assert.Equal("$.dataset.path", error.Path);
    }

    [Fact]
    public async Task Check_WideCsvAndLargeModel_MemoryCheckedWithTheRealWidth()
    {
        var header = string.Join(",", Enumerable.Range(0, 2000).Select(i => $"f{i}")) + ",label\n";
        var row = string.Join(",", Enumerable.Repeat("1", 2000));
        await File.WriteAllTextAsync(Path.Combine(_data, "wide.csv"), header + string.Concat(Enumerable.Range(0, 10).Select(i => $"{row},{(i % 2 == 0 ? "x" : "y")}\n")));

        var errors = await Checker(new StudyLimits { MaxTrainingMemoryBytes = 128L << 20 }).CheckAsync(CsvSpec("wide.csv", "\"hidden_units\": 4096, \"hidden_layers\": 1"));

        var error = Assert.Single(errors);
        Assert.Equal("$.search_space.hidden_units", error.Path);
        Assert.Contains("1 layer × 4,096 units on 2,000 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReadableCsvAndSmallModel_NoProblem()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "rows.csv"), Rows(40));

        Assert.Empty(await Checker().CheckAsync(CsvSpec("rows.csv")));
    }

    [Fact]
    public async Task Check_InvalidSpec_ReportsItsProblemsWithoutTouchingData()
    {
        var errors = await Checker().CheckAsync("""{"name": "bad", "budget": {"max_trials": 0}}""");

        Assert.Equal("$.budget.max_trials", Assert.Single(errors).Path);
    }
}
