using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies;

/// <summary>What a study grain keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class StudyGrainState
{
    /// <summary>The spec, as JSON; empty before the study started.</summary>
    [Id(0)]
    public string SpecJson { get; set; } = string.Empty;

    /// <summary>Where the study is in its life.</summary>
    [Id(1)]
    public StudyState State { get; set; }

    /// <summary>Why it stopped.</summary>
    [Id(2)]
    public string? Reason { get; set; }

    /// <summary>When it started.</summary>
    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it finished.</summary>
    [Id(4)]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Every trial's latest snapshot, by trial id.</summary>
    [Id(5)]
    public Dictionary<string, TrialSnapshot> Trials { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The best trial so far.</summary>
    [Id(6)]
    public BestTrial? Best { get; set; }

    /// <summary>The searcher's saved state.</summary>
    [Id(7)]
    public byte[]? SearcherState { get; set; }

    /// <summary>True once the searcher has no more configurations.</summary>
    [Id(8)]
    public bool SearcherFinished { get; set; }

    /// <summary>The version of the last snapshot made; grows with each.</summary>
    [Id(9)]
    public long SnapshotVersion { get; set; }

    /// <summary>The silo each active trial was placed on, so the study notices when that silo leaves the cluster.</summary>
    [Id(10)]
    public Dictionary<string, SiloAddress> Placements { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many times each trial was restarted after being lost.</summary>
    [Id(11)]
    public Dictionary<string, int> Retries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Lost trials waiting for a free slot to restart on, with the reason they were lost.</summary>
    [Id(12)]
    public Dictionary<string, string> Lost { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The trial scheduler's saved state.</summary>
    [Id(13)]
    public byte[]? SchedulerState { get; set; }

    /// <summary>The result of the study's learning-rate range test (its first step); null before it completed or without one.</summary>
    [Id(14)]
    public HyperTune.Search.RangeTest.RangeTestResult? RangeTest { get; set; }

    /// <summary>How many times the range test was started.</summary>
    [Id(15)]
    public int RangeTestAttempts { get; set; }
}
