using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class DatasetFormatExceptionTests
{
    [Fact]
    public void Message_FullLocation_ReadsLikeACompilerError()
    {
        var ex = new DatasetFormatException("data.csv", 17, 3, "age", "'abc' is not a number");

        Assert.Equal("data.csv:17:3 (column 'age'): 'abc' is not a number", ex.Message);
        Assert.Equal("data.csv", ex.FilePath);
        Assert.Equal(17, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Equal("age", ex.ColumnName);
        Assert.Equal("'abc' is not a number", ex.Detail);
    }

    [Fact]
    public void Message_LineOnly_OmitsColumn()
    {
        var ex = new DatasetFormatException("data.csv", 1, null, null, "the file is empty");

        Assert.Equal("data.csv:1: the file is empty", ex.Message);
    }

    [Fact]
    public void Message_FileOnly_NamesTheFile()
    {
        var ex = new DatasetFormatException("data.csv", null, null, null, "the file does not exist");

        Assert.Equal("data.csv: the file does not exist", ex.Message);
    }
}
