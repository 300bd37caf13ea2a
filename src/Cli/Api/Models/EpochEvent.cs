namespace HyperTune.Cli.Api.Models;

/// <summary>The data of an <c>epoch</c> server-sent event: one trial's finished epoch.</summary>
internal sealed record EpochEvent
{
    public string StudyId { get; set; } = "";

    public string TrialId { get; set; } = "";

    public EpochRecord Epoch { get; set; } = new();

    public IReadOnlyList<LearningRateChange> LearningRateChanges { get; set; } = [];

    public string? Silo { get; set; }
}
