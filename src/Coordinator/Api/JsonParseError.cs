using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HyperTune.Coordinator.Api;

/// <summary>
/// Says where and why a text is not JSON in words a person reads: <c>line 3, column 14: '}' is an invalid start of a
/// value</c> — lines and columns from 1, columns in characters (System.Text.Json counts lines from 0 and bytes in the
/// line from 0) — for the API's problems and the dashboard's forms alike.
/// </summary>
internal static class JsonParseError
{
    /// <summary>Where <paramref name="text"/> stops being JSON and why, from the parser's <paramref name="error"/>.</summary>
    public static string Describe(JsonException error, string text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);
        var reason = Reason(error.Message);
        if (error.LineNumber is not { } line)
        {
            return reason;
        }

        var column = Column(text, line, error.BytePositionInLine ?? 0);
        return string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, column {column}: {reason}");
    }

    /// <summary>The parser's message without its own position (" Path: $ | LineNumber: 2 | BytePositionInLine: 13.").</summary>
    private static string Reason(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        message = message.Trim();
        return message.Length == 0 ? "not valid JSON" : message;
    }

    /// <summary>The 1-based character column of byte <paramref name="bytes"/> of line <paramref name="line"/> (0-based; lines end in '\n').</summary>
    private static long Column(string text, long line, long bytes)
    {
        var start = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
            {
                return bytes + 1; // past the text: count bytes
            }

            start = next + 1;
        }

        var end = text.IndexOf('\n', start);
        var content = Encoding.UTF8.GetBytes(end < 0 ? text[start..] : text[start..end]);
        var upTo = (int)Math.Clamp(bytes, 0, content.Length);
        return Encoding.UTF8.GetCharCount(content, 0, upTo) + 1 + Math.Max(0, bytes - content.Length);
    }
}
