using System.Text;

namespace HyperTune.Search.Randomness;

/// <summary>
/// Derives each trial's training seed from the study seed, so a study re-run with the same seed trains every trial
/// identically, while different trials (and different studies) get unrelated seeds.
/// </summary>
public static class TrialSeeds
{
    private const ulong TrialDomain = 0x5EED_7121_A15E_ED01UL;
    private const ulong IdDomain = 0x5EED_1D00_CAFE_0002UL;

    /// <summary>The training seed of the trial with 0-based index <paramref name="trialIndex"/>; in [0, 2^63).</summary>
    /// <remarks>For a fixed study seed, distinct indices give distinct 64-bit values before the sign bit is dropped.</remarks>
    public static long ForTrial(long studySeed, long trialIndex) =>
        (long)(PortableRandom.Mix64(PortableRandom.Mix64((ulong)studySeed ^ TrialDomain) ^ (ulong)trialIndex) >> 1);

    /// <summary>The training seed of a trial as a non-negative <see cref="int"/> (for <see cref="Random(int)"/>).</summary>
    public static int ForTrialInt32(long studySeed, long trialIndex) => (int)(ForTrial(studySeed, trialIndex) >> 32);

    /// <summary>
    /// The training seed of a trial named by id instead of index (FNV-1a of the UTF-8 id, then mixed); in [0, 2^63).
    /// Stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.
    /// </summary>
    public static long ForTrial(long studySeed, string trialId)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(trialId))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return (long)(PortableRandom.Mix64(PortableRandom.Mix64((ulong)studySeed ^ IdDomain) ^ hash) >> 1);
    }
}
