using System.Collections.Immutable;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Values;

namespace HyperTune.Abstractions.RangeTests;

/// <summary>A learning-rate range test's progress, or its result once it completed.</summary>
/// <param name="Id">The test's id (a study's id for a study's test).</param>
/// <param name="State">Running, completed or failed.</param>
/// <param name="Config">The hyperparameters it trains with.</param>
/// <param name="Points">The steps so far (all of them once completed), in order.</param>
/// <param name="Steps">The steps of the whole ramp (it may stop before).</param>
/// <param name="Result">The analysis; set once completed.</param>
/// <param name="Error">Why it failed; set once failed.</param>
/// <param name="Silo">The silo it runs or ran on.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
[GenerateSerializer, Immutable]
public sealed record LearningRateRangeTestStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] RangeTestState State,
    [property: Id(2)] TrialConfig Config,
    [property: Id(3)] ImmutableArray<RangeTestPoint> Points,
    [property: Id(4)] int Steps,
    [property: Id(5)] RangeTestResult? Result,
    [property: Id(6)] string? Error,
    [property: Id(7)] string Silo,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset? EndedAt)
{
    /// <summary>The study it is the first step of; null for a test on its own.</summary>
    [Id(10)]
    public string? StudyId { get; init; }

    /// <summary>True when it failed because its run was cut off (its silo stopped), not because of its config or data: starting it again may work.</summary>
    [Id(11)]
    public bool Interrupted { get; init; }
}
