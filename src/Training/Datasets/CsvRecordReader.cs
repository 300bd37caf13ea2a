namespace HyperTune.Training.Datasets;

/// <summary>
/// Streams the records of comma-separated text (RFC 4180): fields separated by commas, optionally quoted with
/// <c>"</c> so they can hold commas, line breaks and <c>""</c> (an escaped quote). Lines may end in <c>\n</c> or
/// <c>\r\n</c>; blank lines (including a trailing one) are skipped; every field is trimmed of surrounding whitespace.
/// One record is held at a time, in a reused buffer; a record longer than <see cref="MaxRecordLength"/> characters is an
/// error, so a file without line breaks cannot fill the memory.
/// </summary>
internal sealed class CsvRecordReader
{
    /// <summary>The longest record (a line, or the lines of a quoted field) read: 1,048,576 characters.</summary>
    public const int MaxRecordLength = 1 << 20;

    private readonly BoundedLineReader _reader;
    private readonly string _filePath;
    private readonly List<Range> _fields = [];
    private char[] _buffer = new char[256];
    private int _length;
    private int _physicalLine;

    /// <summary>Creates a reader.</summary>
    /// <param name="reader">The text; the caller disposes it.</param>
    /// <param name="filePath">The file, as named in error messages.</param>
    public CsvRecordReader(TextReader reader, string filePath)
    {
        _reader = new BoundedLineReader(reader, MaxRecordLength, () => TooLong(_physicalLine + 1));
        _filePath = filePath;
    }

    private enum FieldState
    {
        Start,
        Unquoted,
        Quoted,
        AfterQuote,
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>The trimmed text of a field of the current record (empty for an empty cell).</summary>
    public ReadOnlySpan<char> this[int index] => _buffer.AsSpan(_fields[index]).Trim();

    /// <summary>The trimmed text of a field of the current record, as a string.</summary>
    public string GetString(int index) => this[index].ToString();

    /// <summary>Advances to the next record; false at the end of the text.</summary>
    /// <exception cref="DatasetFormatException">A quoted field is not closed, or text follows its closing quote.</exception>
    public bool Read()
    {
        _fields.Clear();
        _length = 0;
        string? line;
        do
        {
            line = _reader.ReadLine();
            if (line is null)
            {
                return false;
            }

            _physicalLine++;
        }
        while (string.IsNullOrWhiteSpace(line));

        LineNumber = _physicalLine;
        Parse(line);
        return true;
    }

    private void Parse(string line)
    {
        var state = FieldState.Start;
        var fieldStart = 0;
        var quoteLine = 0;
        var position = 0;
        while (true)
        {
            if (position == line.Length)
            {
                if (state != FieldState.Quoted)
                {
                    _fields.Add(fieldStart.._length);
                    return;
                }

                // A quoted field goes on over the line break.
                var next = _reader.ReadLine()
                    ?? throw new DatasetFormatException(
                        _filePath, quoteLine, _fields.Count + 1, null, "a quoted field is not closed before the end of the file");
                _physicalLine++;
                Append('\n');
                line = next;
                position = 0;
                continue;
            }

            var c = line[position++];
            switch (state)
            {
                case FieldState.Start when c == '"':
                    _length = fieldStart; // drop the whitespace before the opening quote
                    quoteLine = _physicalLine;
                    state = FieldState.Quoted;
                    break;
                case FieldState.Start or FieldState.Unquoted or FieldState.AfterQuote when c == ',':
                    _fields.Add(fieldStart.._length);
                    fieldStart = _length;
                    state = FieldState.Start;
                    break;
                case FieldState.Start or FieldState.Unquoted:
                    Append(c);
                    if (!char.IsWhiteSpace(c))
                    {
                        state = FieldState.Unquoted;
                    }

                    break;
                case FieldState.Quoted when c == '"':
                    if (position < line.Length && line[position] == '"')
                    {
                        Append('"');
                        position++;
                    }
                    else
                    {
                        state = FieldState.AfterQuote;
                    }

                    break;
                case FieldState.Quoted:
                    Append(c);
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        throw new DatasetFormatException(
                            _filePath, _physicalLine, _fields.Count + 1, null, $"unexpected '{c}' after the closing quote of a quoted field");
                    }

                    break;
            }
        }
    }

    private DatasetFormatException TooLong(int line) => new(
        _filePath,
        line,
        null,
        null,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the line is longer than {MaxRecordLength:N0} characters"));

    private void Append(char c)
    {
        if (_length == MaxRecordLength)
        {
            throw TooLong(_physicalLine);
        }

        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _buffer[_length++] = c;
    }
}
