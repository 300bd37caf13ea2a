using System.Buffers.Binary;
using HyperTune.Training.Checkpoints;

namespace HyperTune.Training.Synthetic;

/// <summary>Where a synthetic run's loss curve stands after an epoch: all it carries from one epoch to the next.</summary>
/// <param name="Gap">How far the loss still is above its floor; it shrinks (or, at too high a learning rate, grows) each epoch.</param>
/// <param name="Overfit">The validation loss added by training long: it grows with what has been learnt.</param>
internal readonly record struct SyntheticCurve(double Gap, double Overfit)
{
    private const byte FormatVersion = 1;
    private const int Length = 1 + (2 * sizeof(double));

    /// <summary>The curve as bytes, for a checkpoint (17 bytes).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(1), Gap);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(1 + sizeof(double)), Overfit);
        return bytes;
    }

    /// <summary>A curve written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="CheckpointFormatException">The bytes are not a curve of this format.</exception>
    public static SyntheticCurve FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length || bytes[0] != FormatVersion)
        {
            throw new CheckpointFormatException("The synthetic curve state of the checkpoint is not of this format.");
        }

        return new SyntheticCurve(
            BinaryPrimitives.ReadDoubleLittleEndian(bytes[1..]),
            BinaryPrimitives.ReadDoubleLittleEndian(bytes[(1 + sizeof(double))..]));
    }
}
