namespace HyperTune.Cli.Api.Models;

/// <summary>The answer of <c>POST /api/trials/{id}/fork</c>.</summary>
internal sealed record ForkTrialResponse
{
    public string TrialId { get; set; } = "";

    public string StudyId { get; set; } = "";

    public string SourceTrialId { get; set; } = "";

    public int SourceEpoch { get; set; }
}
