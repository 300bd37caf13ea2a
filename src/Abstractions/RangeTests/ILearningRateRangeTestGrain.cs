using Orleans.Concurrency;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.RangeTests;

/// <summary>
/// One learning-rate range test: ramps the learning rate of a fresh model on a thread of its own on a silo and keeps
/// the curve. Keyed by the study id for a study's first step, or by a generated <c>lrt-…</c> id for a test on its own.
/// </summary>
public interface ILearningRateRangeTestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the test and returns at once; <see cref="GetStatusAsync"/> tells its progress. A start of a test that
    /// already runs or completed is refused; one that failed may be started again.
    /// </summary>
    Task<CommandResult> StartAsync(LearningRateRangeTestRequest request);

    /// <summary>The test's progress or result; null when it was never started.</summary>
    [AlwaysInterleave]
    Task<LearningRateRangeTestStatus?> GetStatusAsync();
}
