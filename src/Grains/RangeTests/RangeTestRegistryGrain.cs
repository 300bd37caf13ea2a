using System.Collections.Immutable;
using HyperTune.Abstractions.RangeTests;

namespace HyperTune.Grains.RangeTests;

/// <summary>Keeps the newest <see cref="IRangeTestRegistryGrain.Capacity"/> range tests, in the order they started.</summary>
public sealed class RangeTestRegistryGrain(
    [PersistentState("lr-range-tests", GrainStorageNames.Default)] IPersistentState<RangeTestRegistryGrainState> state) : Grain, IRangeTestRegistryGrain
{
    /// <inheritdoc />
    public async Task RecordAsync(RangeTestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var tests = state.State.Tests;
        var index = tests.FindIndex(t => t.Id == summary.Id);
        if (index >= 0 && tests[index] == summary)
        {
            return;
        }

        if (index >= 0)
        {
            tests[index] = summary;
        }
        else
        {
            tests.Add(summary);
            if (tests.Count > IRangeTestRegistryGrain.Capacity)
            {
                tests.RemoveRange(0, tests.Count - IRangeTestRegistryGrain.Capacity);
            }
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<ImmutableArray<RangeTestSummary>> ListAsync(int limit)
    {
        var tests = state.State.Tests;
        return Task.FromResult(tests.AsEnumerable().Reverse().Take(Math.Clamp(limit, 0, IRangeTestRegistryGrain.Capacity)).ToImmutableArray());
    }
}
