using System.Security.Cryptography;
using System.Text;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers;

/// <summary>A hash of what a searcher's sequence depends on: searcher kind and options, search space, seed.</summary>
internal static class SearcherFingerprint
{
    public static string Compute(StudySpec spec)
    {
        var text = string.Join(
            "\n",
            spec.Searcher.Kind,
            spec.Searcher.Options.ToString(),
            StudySpecWriter.WriteSearchSpace(spec.SearchSpace),
            spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
