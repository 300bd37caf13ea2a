using System.Text;

namespace HyperTune.Cli.Tests.Fakes;

/// <summary>
/// A read-only stream that hands out its content in the given chunks, one per read at most, like a network
/// stream; it can end with an <see cref="IOException"/>, as a dropped connection does.
/// </summary>
internal sealed class ChunkedStream(IEnumerable<byte[]> chunks, bool dropAtEnd = false) : Stream
{
    private readonly Queue<byte[]> _chunks = new(chunks);
    private byte[] _current = [];
    private int _offset;

    /// <summary>A stream of UTF-8 text chunks.</summary>
    public static ChunkedStream FromText(IEnumerable<string> chunks, bool dropAtEnd = false) =>
        new(chunks.Select(Encoding.UTF8.GetBytes), dropAtEnd);

    /// <summary>A stream of UTF-8 text cut into pieces of <paramref name="size"/> bytes.</summary>
    public static ChunkedStream Split(string text, int size, bool dropAtEnd = false) =>
        new(Encoding.UTF8.GetBytes(text).Chunk(size), dropAtEnd);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _current.Length)
        {
            if (!_chunks.TryDequeue(out var next))
            {
                return dropAtEnd ? throw new IOException("connection reset by peer") : 0;
            }

            _current = next;
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
