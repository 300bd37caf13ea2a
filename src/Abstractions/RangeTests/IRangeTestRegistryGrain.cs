using System.Collections.Immutable;
using Orleans.Concurrency;

namespace HyperTune.Abstractions.RangeTests;

/// <summary>
/// The list of learning-rate range tests, so clients can find them (<c>GET /api/lr-range-tests</c>, the dashboard's
/// <c>/lr-range-tests</c>, <c>hypertune lr-find --list</c>). Each test records itself when it starts and when it ends.
/// One instance, key 0; it keeps the newest <see cref="Capacity"/> tests.
/// </summary>
public interface IRangeTestRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>How many tests the registry keeps; the oldest are forgotten beyond it (the tests themselves stay readable by id).</summary>
    const int Capacity = 1000;

    /// <summary>Adds a test, or replaces what it knew of it.</summary>
    Task RecordAsync(RangeTestSummary summary);

    /// <summary>The newest <paramref name="limit"/> tests, newest first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<RangeTestSummary>> ListAsync(int limit);
}
