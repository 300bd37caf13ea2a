using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Trials;

/// <summary>What a trial grain keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class TrialGrainState
{
    /// <summary>The start request; null before the trial started.</summary>
    [Id(0)]
    public TrialStartRequest? Request { get; set; }

    /// <summary>Where the trial is in its life.</summary>
    [Id(1)]
    public TrialState State { get; set; }

    /// <summary>Why it stopped, diverged or failed.</summary>
    [Id(2)]
    public string? Reason { get; set; }

    /// <summary>
    /// Every epoch reported. Not written with the state: each epoch is written once, to the trial history store, and an
    /// activation reads them back from there — so a write of the state costs the same at epoch 5 and at epoch 5,000.
    /// (States written before kept them under field 3, which is now skipped; the history store holds those epochs too.)
    /// </summary>
    [field: NonSerialized]
    public List<EpochMetrics> Epochs { get; set; } = [];

    /// <summary>Every learning-rate change.</summary>
    [Id(4)]
    public List<LearningRateChange> LearningRateChanges { get; set; } = [];

    /// <summary>Every checkpoint written.</summary>
    [Id(5)]
    public List<CheckpointRecord> Checkpoints { get; set; } = [];

    /// <summary>The silo it trains on.</summary>
    [Id(6)]
    public string Silo { get; set; } = string.Empty;

    /// <summary>When training began.</summary>
    [Id(7)]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it finished.</summary>
    [Id(8)]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Time the engine spent on the trial.</summary>
    [Id(9)]
    public double TrainingSeconds { get; set; }

    /// <summary>Recoveries, skipped checkpoints and other events.</summary>
    [Id(10)]
    public List<TrialEvent> Events { get; set; } = [];

    /// <summary>Restarts after the trial was lost; 0 for the first run.</summary>
    [Id(11)]
    public int Attempt { get; set; }
}
