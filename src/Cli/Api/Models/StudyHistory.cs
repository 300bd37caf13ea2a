namespace HyperTune.Cli.Api.Models;

/// <summary>The answer of <c>GET /api/studies/{id}/history</c>.</summary>
internal sealed record StudyHistory
{
    public string StudyId { get; set; } = "";

    public IReadOnlyList<TrialHistory> Trials { get; set; } = [];
}
