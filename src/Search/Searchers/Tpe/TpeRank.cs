using HyperTune.Search.Collections;

namespace HyperTune.Search.Searchers.Tpe;

/// <summary>Where a scored trial ranks for TPE: by score, best first, then by suggestion order.</summary>
/// <param name="Score">The trial's score (higher is better).</param>
/// <param name="Index">The trial's suggestion order.</param>
internal readonly record struct TpeRank(double Score, int Index) : IOrder<TpeRank>
{
    /// <inheritdoc />
    public static int Compare(TpeRank a, TpeRank b)
    {
        var order = b.Score.CompareTo(a.Score);
        return order != 0 ? order : a.Index.CompareTo(b.Index);
    }
}
