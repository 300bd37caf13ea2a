using System.Runtime.CompilerServices;
using System.Text;

namespace HyperTune.Cli.Watching;

/// <summary>
/// Reads a <c>text/event-stream</c> as the HTML standard describes it: lines end in CRLF, LF or CR; a blank line
/// dispatches the event; <c>:</c> starts a comment; one space after a field's colon is dropped; several
/// <c>data:</c> lines join with '\n'; an event without data is not dispatched; an unfinished event at the end of the
/// stream is dropped. Chunk boundaries do not matter, since the reader works on decoded lines.
/// </summary>
internal sealed class ServerSentEventReader(TextReader reader)
{
    /// <summary>The event type of an event without an <c>event:</c> field.</summary>
    public const string DefaultEventType = "message";

    /// <summary>A reader over a UTF-8 byte stream (a leading BOM is skipped).</summary>
    public static ServerSentEventReader FromStream(Stream stream) =>
        new(new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false));

    /// <summary>The events in stream order, until the stream ends.</summary>
    public async IAsyncEnumerable<ServerSentEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? type = null;
        string? lastEventId = null;
        StringBuilder? data = null;
        var first = true;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (first)
            {
                line = line.TrimStart('\uFEFF');
                first = false;
            }

            if (line.Length == 0)
            {
                if (data is not null)
                {
                    yield return new ServerSentEvent(string.IsNullOrEmpty(type) ? DefaultEventType : type, data.ToString(), lastEventId);
                }

                type = null;
                data = null;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    type = value;
                    break;
                case "data":
                    data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
                    break;
                case "id" when !value.Contains('\0', StringComparison.Ordinal):
                    lastEventId = value;
                    break;
                default:
                    // retry and unknown fields are ignored.
                    break;
            }
        }
    }
}
