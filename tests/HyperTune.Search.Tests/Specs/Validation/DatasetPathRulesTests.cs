using HyperTune.Search.Specs;
using HyperTune.Search.Specs.Validation;

namespace HyperTune.Search.Tests.Specs.Validation;

public sealed class DatasetPathRulesTests
{
    [Theory]
    [InlineData("/etc/passwd", "relative to the data directory")]
    [InlineData("/proc/self/environ", "relative to the data directory")]
    [InlineData("~/secrets.csv", "relative to the data directory")]
    [InlineData("C:/data/x.csv", "relative to the data directory")]
    [InlineData("../../etc/passwd", "'..' is not allowed")]
    [InlineData("data/../../x.csv", "'..' is not allowed")]
    [InlineData("data/..", "'..' is not allowed")]
    [InlineData(".hypertune/hypertune.db", "hidden files or folders")]
    [InlineData("data/.git/config", "hidden files or folders")]
    [InlineData("data\\x.csv", "'/', not '\\'")]
    [InlineData("data/x.csv\0.txt", "control characters")]
    [InlineData("data/", "a file, not a folder")]
    [InlineData(" ", "required")]
    public void Check_PathThatCouldLeaveTheDataDirectory_Refused(string path, string mention)
    {
        var problem = DatasetPathRules.Check(path);

        Assert.NotNull(problem);
        Assert.Contains(mention, problem);
    }

    [Fact]
    public void Check_OverLongPath_Refused() =>
        Assert.Contains("at most 1024 characters", DatasetPathRules.Check(new string('a', 1025)));

    [Theory]
    [InlineData("train.csv")]
    [InlineData("examples/digit-words.csv")]
    [InlineData("./data/train.csv.gz")]
    [InlineData("data/v1.2/train..csv")]
    public void Check_RelativePathInside_Accepted(string path) => Assert.Null(DatasetPathRules.Check(path));

    [Theory]
    [InlineData("path", "/etc/passwd")]
    [InlineData("path", "../../etc/passwd")]
    [InlineData("path", "/proc/self/environ")]
    [InlineData("path", "data/../../x.csv")]
    [InlineData("validation_path", "../secret.csv")]
    public void Validate_CsvPathOutsideTheDataDirectory_RefusedNamingTheField(string field, string path)
    {
        var dataset = field == "path"
            ? new DatasetSpec { Kind = DatasetKinds.Csv, Path = path, LabelColumn = "y" }
            : new DatasetSpec { Kind = DatasetKinds.Csv, Path = "train.csv", ValidationPath = path, LabelColumn = "y" };

        var errors = StudySpecValidator.Validate(new StudySpec { Name = "paths", Dataset = dataset });

        var error = Assert.Single(errors);
        Assert.Equal("$.dataset." + field, error.Path);
    }
}
