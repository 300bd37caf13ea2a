using HyperTune.Cli.Output;

namespace HyperTune.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void WritePlain_Rows_AlignsColumnsTwoSpacesApartWithoutTrailingSpaces()
    {
        var table = new TextTable("ID", "STATE", "BEST").Add("study-long", "Running", "").Add("s2", "Completed", "0.9");
        using var writer = new StringWriter { NewLine = "\n" };

        table.WritePlain(writer);

        Assert.Equal("ID          STATE      BEST\nstudy-long  Running\ns2          Completed  0.9\n", writer.ToString());
    }

    [Fact]
    public void Add_WrongCellCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextTable("A", "B").Add("only one"));
}
