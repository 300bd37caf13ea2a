using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>
/// Reads one CSV file with a header row into a <see cref="CsvTable"/>: the label column by name, every other column a
/// numeric feature (invariant culture). Every problem is a <see cref="DatasetFormatException"/> naming the file, line
/// and column.
/// </summary>
internal sealed class CsvTableReader
{
    private const int MaxShownLength = 40;
    private const int CancellationCheckInterval = 1024;

    private readonly string _filePath;
    private readonly string _labelColumn;
    private readonly TaskKind _task;
    private readonly MissingValuePolicy _missingValues;
    private readonly IReadOnlyList<string>? _expectedHeader;
    private readonly Dictionary<string, int> _labelIds;
    private readonly bool _allowNewLabels;
    private readonly string? _labelSourceFile;

    /// <summary>Creates a reader for one file.</summary>
    /// <param name="filePath">The file, as named in error messages.</param>
    /// <param name="labelColumn">The header name of the label column.</param>
    /// <param name="task">Classification (labels looked up in <paramref name="labelIds"/>) or regression (numeric labels).</param>
    /// <param name="missingValues">What an empty feature cell means.</param>
    /// <param name="labelIds">
    /// For classification, label text → class id. With <paramref name="labelSourceFile"/> null, labels not yet in it are
    /// added with the next id (first-seen order); otherwise an unknown label is an error naming that file.
    /// </param>
    /// <param name="expectedHeader">The header the file must have (that of the training file), or null.</param>
    /// <param name="labelSourceFile">The file whose labels are the only legal ones, or null.</param>
    public CsvTableReader(
        string filePath,
        string labelColumn,
        TaskKind task,
        MissingValuePolicy missingValues,
        Dictionary<string, int> labelIds,
        IReadOnlyList<string>? expectedHeader = null,
        string? labelSourceFile = null)
    {
        _filePath = filePath;
        _labelColumn = labelColumn;
        _task = task;
        _missingValues = missingValues;
        _labelIds = labelIds;
        _expectedHeader = expectedHeader;
        _allowNewLabels = labelSourceFile is null;
        _labelSourceFile = labelSourceFile;
    }

    /// <summary>Reads every record of the text.</summary>
    public CsvTable Read(TextReader text, CancellationToken cancellationToken)
    {
        var records = new CsvRecordReader(text, _filePath);
        if (!records.Read())
        {
            throw Error(1, null, null, "the file is empty; a header row naming the columns is required");
        }

        IReadOnlyList<string> header = ReadHeader(records);
        var labelIndex = FindLabelColumn(header);
        var featureNames = header.Where((_, i) => i != labelIndex).ToArray();
        var rows = new SampleTable(featureNames.Length, _task);
        var row = new float[featureNames.Length];
        var labels = _labelIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var dropped = 0;
        var lastLine = records.LineNumber;
        var recordCount = 0;
        while (records.Read())
        {
            lastLine = records.LineNumber;
            if ((++recordCount % CancellationCheckInterval) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (records.FieldCount != header.Count)
            {
                // Point at the first missing column (named) or the first extra one.
                var column = Math.Min(records.FieldCount, header.Count);
                throw Error(
                    lastLine,
                    column + 1,
                    column < header.Count ? header[column] : null,
                    $"expected {header.Count} columns, found {records.FieldCount}");
            }

            var missing = false;
            var feature = 0;
            for (var c = 0; c < header.Count; c++)
            {
                if (c == labelIndex)
                {
                    continue;
                }

                var cell = records[c];
                if (cell.IsEmpty)
                {
                    if (_missingValues == MissingValuePolicy.Error)
                    {
                        throw Error(
                            lastLine,
                            c + 1,
                            header[c],
                            "the value is missing; empty cells are an error unless missing_values is drop_row or fill_mean");
                    }

                    missing = true;
                    row[feature++] = float.NaN;
                }
                else
                {
                    row[feature++] = ParseNumber(cell, lastLine, c + 1, header[c]);
                }
            }

            var label = records[labelIndex];
            if (label.IsEmpty)
            {
                if (_missingValues != MissingValuePolicy.DropRow)
                {
                    throw Error(
                        lastLine, labelIndex + 1, header[labelIndex], "the label is missing; only missing_values drop_row skips rows without one");
                }

                missing = true;
            }

            if (missing && _missingValues == MissingValuePolicy.DropRow)
            {
                dropped++;
                continue;
            }

            if (_task == TaskKind.Regression)
            {
                rows.Add(row, ParseNumber(label, lastLine, labelIndex + 1, header[labelIndex]));
            }
            else if (labels.TryGetValue(label, out var id))
            {
                rows.Add(row, id);
            }
            else if (_allowNewLabels)
            {
                id = _labelIds.Count;
                labels.TryAdd(label, id);
                rows.Add(row, id);
            }
            else
            {
                throw Error(
                    lastLine,
                    labelIndex + 1,
                    header[labelIndex],
                    $"the label '{Shorten(label)}' does not occur in the training file '{_labelSourceFile}'");
            }
        }

        if (rows.Count == 0)
        {
            throw Error(
                lastLine + 1,
                null,
                null,
                dropped == 0
                    ? "the file has a header but no data rows"
                    : $"every one of the {dropped} data rows has an empty cell and was dropped");
        }

        return new CsvTable(header, labelIndex, featureNames, rows, dropped);
    }

    private string[] ReadHeader(CsvRecordReader records)
    {
        var header = new string[records.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = records.GetString(i);
        }

        if (_expectedHeader is not null && !header.SequenceEqual(_expectedHeader, StringComparer.Ordinal))
        {
            var column = 0;
            while (column < header.Length && column < _expectedHeader.Count && header[column] == _expectedHeader[column])
            {
                column++;
            }

            throw Error(
                records.LineNumber,
                column + 1,
                null,
                $"the header must be the training file's ({string.Join(", ", _expectedHeader)}), found ({string.Join(", ", header)})");
        }

        if (header.Length < 2)
        {
            throw Error(
                records.LineNumber,
                null,
                null,
                $"the header has {header.Length} column; a label column and at least one feature column are required");
        }

        return header;
    }

    private int FindLabelColumn(IReadOnlyList<string> header)
    {
        var matches = Enumerable.Range(0, header.Count)
            .Where(i => string.Equals(header[i], _labelColumn, StringComparison.Ordinal))
            .ToArray();
        if (matches.Length == 0)
        {
            // Forgive a difference of case when it is unambiguous.
            matches = Enumerable.Range(0, header.Count)
                .Where(i => string.Equals(header[i], _labelColumn, StringComparison.OrdinalIgnoreCase))
                .ToArray();
        }

        return matches.Length switch
        {
            1 => matches[0],
            0 => throw Error(
                1, null, null, $"there is no label column '{_labelColumn}'; the columns are: {string.Join(", ", header)}"),
            _ => throw Error(
                1,
                matches[1] + 1,
                header[matches[1]],
                $"{matches.Length} columns are named '{_labelColumn}' (columns {string.Join(", ", matches.Select(i => i + 1))}); the label column must be unique"),
        };
    }

    private float ParseNumber(ReadOnlySpan<char> cell, int line, int column, string columnName)
    {
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(line, column, columnName, $"'{Shorten(cell)}' is not a number");
        }

        var single = (float)value;
        if (float.IsFinite(single))
        {
            return single;
        }

        // NaN and infinity literals parse, as do numbers too large for a double or a float.
        var isLiteral = double.IsNaN(value) || !cell.ContainsAnyInRange('0', '9');
        throw Error(
            line,
            column,
            columnName,
            isLiteral ? $"'{Shorten(cell)}' is not a finite number" : $"'{Shorten(cell)}' is out of the range of a 32-bit float");
    }

    private static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= MaxShownLength ? text.ToString() : string.Concat(text[..MaxShownLength], "…");

    private DatasetFormatException Error(int line, int? column, string? columnName, string detail) =>
        new(_filePath, line, column, columnName, detail);
}
