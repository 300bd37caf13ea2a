namespace HyperTune.Training.Datasets;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLine"/> (ended by <c>\n</c>, <c>\r\n</c> or <c>\r</c>), but never holds a
/// line longer than a limit: a file without line breaks fails at its first line instead of filling the memory.
/// </summary>
/// <param name="reader">The text.</param>
/// <param name="maxLineLength">The longest line allowed.</param>
/// <param name="tooLong">The exception to throw for a longer line.</param>
internal sealed class BoundedLineReader(TextReader reader, int maxLineLength, Func<Exception> tooLong)
{
    private readonly char[] _buffer = new char[Math.Min(1 << 16, Math.Max(maxLineLength, 16))];
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    /// <summary>The longest line allowed.</summary>
    public int MaxLineLength => maxLineLength;

    /// <summary>The next line without its break; null at the end of the text.</summary>
    /// <remarks>A line longer than <see cref="MaxLineLength"/> throws the exception of <c>tooLong</c>.</remarks>
    public string? ReadLine()
    {
        System.Text.StringBuilder? line = null;
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return line?.ToString();
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\r', '\n');
            var taken = stop < 0 ? span.Length : stop;
            if ((line?.Length ?? 0) + taken > maxLineLength)
            {
                throw tooLong();
            }

            if (stop < 0)
            {
                (line ??= new System.Text.StringBuilder()).Append(span);
                _start = _end;
                continue;
            }

            var text = line is null ? new string(span[..stop]) : line.Append(span[..stop]).ToString();
            _skipLineFeed = span[stop] == '\r';
            _start += stop + 1;
            return text;
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
