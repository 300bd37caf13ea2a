using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.Studies;

/// <summary>Which trials of a study to list: a window of the trials in the states asked, in an order.</summary>
/// <param name="Offset">Trials to skip (0-based).</param>
/// <param name="Limit">Trials to return at most (1 to <see cref="MaxLimit"/>).</param>
/// <param name="States">Only trials in these states; empty for every state.</param>
/// <param name="Sort">The order.</param>
/// <param name="Descending">Reverse the order (for <see cref="TrialSortKey.Objective"/>: worst first).</param>
[GenerateSerializer, Immutable]
public sealed record TrialPageQuery(
    [property: Id(0)] int Offset,
    [property: Id(1)] int Limit,
    [property: Id(2)] ImmutableArray<TrialState> States,
    [property: Id(3)] TrialSortKey Sort = TrialSortKey.Number,
    [property: Id(4)] bool Descending = false)
{
    /// <summary>The most trials one page holds.</summary>
    public const int MaxLimit = 1_000;

    /// <summary>The first <paramref name="limit"/> trials by number, of every state.</summary>
    public static TrialPageQuery First(int limit) => new(0, limit, []);
}
