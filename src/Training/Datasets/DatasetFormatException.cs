namespace HyperTune.Training.Datasets;

/// <summary>
/// A data file cannot be used: it is missing, empty, or a cell, row or header is malformed. The message locates the
/// problem like a compiler does, <c>data.csv:17:3 (column 'age'): 'abc' is not a number</c>, and the same location
/// is available as properties for a UI.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    /// <param name="filePath">The file, as the user named it.</param>
    /// <param name="line">The 1-based line (the header is line 1), or null when the problem is the whole file.</param>
    /// <param name="column">The 1-based column, or null when the problem is a whole line.</param>
    /// <param name="columnName">The header name of <paramref name="column"/>, when known.</param>
    /// <param name="detail">What is wrong, without the location.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetFormatException(
        string filePath, int? line, int? column, string? columnName, string detail, Exception? innerException = null)
        : base(Format(filePath, line, column, columnName, detail), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Detail = detail;
    }

    /// <summary>The file, as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line (the header is line 1), or null when the problem concerns the whole file.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column, or null when the problem concerns a whole line or file.</summary>
    public int? Column { get; }

    /// <summary>The header name of <see cref="Column"/>, when known.</summary>
    public string? ColumnName { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    /// <summary>
    /// The place in words, 1-based: <c>data.csv, line 5, column 3 ('age')</c>, <c>data.csv, line 5</c> or <c>data.csv</c>.
    /// </summary>
    public string Location
    {
        get
        {
            var location = FilePath;
            if (Line is { } line)
            {
                location += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", line {line}");
            }

            if (Column is { } column)
            {
                location += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", column {column}");
            }

            return ColumnName is null ? location : $"{location} ('{ColumnName}')";
        }
    }

    private static string Format(string filePath, int? line, int? column, string? columnName, string detail)
    {
        var location = filePath;
        if (line is { } l)
        {
            location += $":{l}";
            if (column is { } c)
            {
                location += $":{c}";
            }
        }

        return columnName is null ? $"{location}: {detail}" : $"{location} (column '{columnName}'): {detail}";
    }
}
