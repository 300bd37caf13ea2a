using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HyperTune.Training.Schedules;

namespace HyperTune.Training.Checkpoints;

/// <summary>
/// The checkpoint file format: the magic <c>HTCKPT</c>, a format version, a JSON header (counters, learning-rate state),
/// three length-prefixed blobs (model, optimizer, generator) and a SHA-256 of everything before it, so truncation and
/// corruption are detected rather than loaded.
/// </summary>
public static class CheckpointSerializer
{
    private const int FormatVersion = 1;
    private const int HashLength = 32;
    private static readonly byte[] Magic = "HTCKPT"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes a checkpoint to bytes.</summary>
    public static byte[] Serialize(TrainingCheckpoint checkpoint)
    {
        using var stream = new MemoryStream();
        Serialize(checkpoint, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes a checkpoint to the end of <paramref name="stream"/> (reuse one stream to spare the large-object heap).
    /// </summary>
    public static void Serialize(TrainingCheckpoint checkpoint, MemoryStream stream)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(stream);
        var start = (int)stream.Position;
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new Header(checkpoint.Epoch, checkpoint.Step, checkpoint.BestTrainLoss, checkpoint.FirstLoss, checkpoint.Fingerprint, checkpoint.LearningRate),
            Json);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            WriteBlob(writer, header);
            WriteBlob(writer, checkpoint.Model.Span);
            WriteBlob(writer, checkpoint.Optimizer.Span);
            WriteBlob(writer, checkpoint.Generator.Span);
        }

        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(stream.GetBuffer().AsSpan(start, (int)stream.Position - start), hash);
        stream.Write(hash);
    }

    /// <summary>Reads a checkpoint from bytes.</summary>
    /// <exception cref="CheckpointFormatException">The bytes are not a whole, intact checkpoint of this format.</exception>
    public static TrainingCheckpoint Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < Magic.Length + 4 + HashLength || !data[..Magic.Length].SequenceEqual(Magic))
        {
            throw new CheckpointFormatException("The data is not a HyperTune checkpoint (bad magic or too short).");
        }

        var body = data[..^HashLength];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(data[^HashLength..]))
        {
            throw new CheckpointFormatException("The checkpoint is corrupt: its checksum does not match.");
        }

        var reader = new SpanReader(body[Magic.Length..]);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new CheckpointFormatException($"Checkpoint format version {version} is not supported (expected {FormatVersion}).");
        }

        Header header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(reader.ReadBlob(), Json) ?? throw new CheckpointFormatException("The checkpoint header is empty.");
        }
        catch (JsonException e)
        {
            throw new CheckpointFormatException("The checkpoint header is not valid JSON.", e);
        }

        return new TrainingCheckpoint
        {
            Epoch = header.Epoch,
            Step = header.Step,
            BestTrainLoss = header.BestTrainLoss,
            FirstLoss = header.FirstLoss,
            Fingerprint = header.Fingerprint,
            LearningRate = header.LearningRate,
            Model = reader.ReadBlob().ToArray(),
            Optimizer = reader.ReadBlob().ToArray(),
            Generator = reader.ReadBlob().ToArray(),
        };
    }

    private static void WriteBlob(BinaryWriter writer, ReadOnlySpan<byte> blob)
    {
        writer.Write(blob.Length);
        writer.Write(blob);
    }

    private sealed record Header(int Epoch, long Step, double BestTrainLoss, double FirstLoss, string Fingerprint, LearningRateControllerState LearningRate);

    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public int ReadInt32()
        {
            if (_rest.Length < 4)
            {
                throw new CheckpointFormatException("The checkpoint is truncated.");
            }

            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_rest);
            _rest = _rest[4..];
            return value;
        }

        public ReadOnlySpan<byte> ReadBlob()
        {
            var length = ReadInt32();
            if (length < 0 || length > _rest.Length)
            {
                throw new CheckpointFormatException("The checkpoint is truncated or has a bad section length.");
            }

            var blob = _rest[..length];
            _rest = _rest[length..];
            return blob;
        }
    }
}
