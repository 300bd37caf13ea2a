using System.Security.Cryptography;
using System.Text;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// A hash of what an algorithm's decisions depend on (for a searcher: kind, options, search space, seed; for a
/// scheduler: kind, options, objective, seed), so a state is never restored onto an algorithm of another spec.
/// </summary>
internal static class AlgorithmFingerprint
{
    /// <summary>The SHA-256, in lower-case hex, of the parts joined by line breaks.</summary>
    public static string Compute(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));
}
