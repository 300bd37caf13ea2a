namespace HyperTune.Training.Runtime;

/// <summary>Derives independent, reproducible seeds from a seed and a stream number (SplitMix64 finalizer).</summary>
public static class SeedMixer
{
    /// <summary>A non-negative 31-bit seed for stream <paramref name="stream"/> of <paramref name="seed"/>; the same in every process.</summary>
    public static int Mix(long seed, long stream)
    {
        unchecked
        {
            var z = (ulong)seed + (0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
