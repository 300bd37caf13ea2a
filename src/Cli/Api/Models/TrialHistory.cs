namespace HyperTune.Cli.Api.Models;

/// <summary>Everything a trial reported: epochs, learning-rate changes, checkpoints.</summary>
internal sealed record TrialHistory
{
    public string TrialId { get; set; } = "";

    public IReadOnlyList<EpochRecord> Epochs { get; set; } = [];

    public IReadOnlyList<LearningRateChange> LearningRateChanges { get; set; } = [];

    public IReadOnlyList<CheckpointRecord> Checkpoints { get; set; } = [];
}
