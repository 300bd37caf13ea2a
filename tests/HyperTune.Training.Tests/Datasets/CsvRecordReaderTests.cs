using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text), "t.csv");
        var records = new List<(int, string[])>();
        while (reader.Read())
        {
            records.Add((reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
        }

        return records;
    }

    [Fact]
    public void Read_PlainFields_TrimsWhitespace()
    {
        var records = ReadAll(" a , b,c \n1,2 ,3\n");

        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "2", "3"], records[1].Fields);
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasAndEscapedQuotes()
    {
        var records = ReadAll("\"x, y\",\"say \"\"hi\"\"\", \"z\" \n");

        Assert.Equal(["x, y", "say \"hi\"", "z"], records.Single().Fields);
    }

    [Fact]
    public void Read_QuotedLineBreak_SpansLinesAndCountsThem()
    {
        var records = ReadAll("a,b\n\"two\nlines\",1\nc,2\n");

        Assert.Equal("two\nlines", records[1].Fields[0]);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_CrLfAndBlankLines_SkipsBlankLinesAndKeepsLineNumbers()
    {
        var records = ReadAll("a,b\r\n1,2\r\n\r\n3,4\r\n\r\n");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["3", "4"], records[2].Fields);
    }

    [Fact]
    public void Read_EmptyCells_AreEmptyFields()
    {
        var records = ReadAll("1,,\"\",  \n");

        Assert.Equal(["1", "", "", ""], records.Single().Fields);
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsWithStartLine()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => ReadAll("a,b\n1,\"open\n2,3\n"));

        Assert.Equal(2, ex.Line);
        Assert.Equal(2, ex.Column);
        Assert.Equal("t.csv", ex.FilePath);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_Throws()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => ReadAll("\"a\"b,c\n"));

        Assert.Equal(1, ex.Line);
        Assert.Equal(1, ex.Column);
    }
}
