using System.Globalization;
using System.Numerics;

namespace HyperTune.Search.Randomness;

/// <summary>
/// A <see cref="Random"/> whose sequence is fixed by this library, not by the runtime (xoshiro256** seeded through
/// SplitMix64), and whose state can be saved and restored, so a searcher replays exactly after a restart or an upgrade.
/// Not thread-safe.
/// </summary>
public sealed class PortableRandom : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator; equal seeds give equal sequences.</summary>
    public PortableRandom(long seed)
        : base(0)
    {
        var x = (ulong)seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    private PortableRandom(ulong s0, ulong s1, ulong s2, ulong s3)
        : base(0)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The state as text (64 hex digits), for <see cref="FromState"/>.</summary>
    public string SaveState() => string.Create(CultureInfo.InvariantCulture, $"{_s0:x16}{_s1:x16}{_s2:x16}{_s3:x16}");

    /// <summary>A generator that continues exactly where the one that produced <paramref name="state"/> stood.</summary>
    /// <exception cref="FormatException">The text is not a saved state.</exception>
    public static PortableRandom FromState(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != 64)
        {
            throw new FormatException("A random state is 64 hex digits.");
        }

        var s = new ulong[4];
        for (var i = 0; i < 4; i++)
        {
            s[i] = ulong.Parse(state.AsSpan(i * 16, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        if ((s[0] | s[1] | s[2] | s[3]) == 0)
        {
            throw new FormatException("The all-zero random state is not reachable.");
        }

        return new PortableRandom(s[0], s[1], s[2], s[3]);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) without bias (Lemire's method); 0 when bound is 0.</summary>
    public ulong NextUInt64(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <inheritdoc />
    public override int Next() => Next(0, int.MaxValue);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return Next(0, maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextUInt64((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => NextInt64(0, long.MaxValue);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return NextInt64(0, maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)NextUInt64((ulong)(maxValue - minValue)));
    }

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        Span<byte> word = stackalloc byte[8];
        for (var i = 0; i < buffer.Length; i += 8)
        {
            BitConverter.TryWriteBytes(word, NextUInt64());
            word[..Math.Min(8, buffer.Length - i)].CopyTo(buffer[i..]);
        }
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <summary>The SplitMix64 step: advances <paramref name="x"/> and returns a well-mixed 64-bit value.</summary>
    internal static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix64(x);
    }

    /// <summary>The SplitMix64 finalizer: a bijection on 64-bit values that spreads every input bit.</summary>
    internal static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
