using HyperTune.Abstractions.Studies;
using HyperTune.Search.RangeTest;

namespace HyperTune.Grains.Studies.Persistence;

/// <summary>
/// The study's own row: its spec, state, best trial, the searcher's and scheduler's shared state and its range test.
/// Small whatever the number of trials (the trials are rows of their own, <see cref="StudyTrialRow"/>).
/// </summary>
[GenerateSerializer]
public sealed class StudyHeader
{
    /// <summary>The spec, as JSON; empty before the study started.</summary>
    [Id(0)]
    public string SpecJson { get; set; } = string.Empty;

    /// <summary>Where the study is in its life.</summary>
    [Id(1)]
    public StudyState State { get; set; }

    /// <summary>Why it stopped or failed.</summary>
    [Id(2)]
    public string? Reason { get; set; }

    /// <summary>When it started.</summary>
    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it finished.</summary>
    [Id(4)]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The best trial so far.</summary>
    [Id(5)]
    public BestTrial? Best { get; set; }

    /// <summary>The searcher's shared state (its trials' parts are in their rows).</summary>
    [Id(6)]
    public byte[]? SearcherState { get; set; }

    /// <summary>The scheduler's shared state (its trials' parts are in their rows).</summary>
    [Id(7)]
    public byte[]? SchedulerState { get; set; }

    /// <summary>True once the searcher has no more configurations.</summary>
    [Id(8)]
    public bool SearcherFinished { get; set; }

    /// <summary>The version of the last snapshot made; grows with each.</summary>
    [Id(9)]
    public long SnapshotVersion { get; set; }

    /// <summary>The result of the study's learning-rate range test; null before it completed or without one.</summary>
    [Id(10)]
    public RangeTestResult? RangeTest { get; set; }

    /// <summary>How many times the range test was started.</summary>
    [Id(11)]
    public int RangeTestAttempts { get; set; }

    /// <summary>Trials that failed in a row before their first epoch (the study fails when too many do).</summary>
    [Id(12)]
    public int ConsecutiveFailures { get; set; }

    /// <summary>The W3C trace context of the study's trace (its <c>hypertune.study</c> span); its trials' spans are its children. Null when nobody traced its start.</summary>
    [Id(13)]
    public string? TraceParent { get; set; }
}
