namespace HyperTune.Cli.Api.Models;

/// <summary>One range test of <c>GET /api/lr-range-tests</c> (docs/rest-api.md, "Learning-rate range tests").</summary>
internal sealed record RangeTestSummary
{
    public string Id { get; set; } = "";

    /// <summary>Running, Completed or Failed.</summary>
    public string State { get; set; } = "";

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The study it is the first step of; null for a test on its own.</summary>
    public string? StudyId { get; set; }

    public string? Dataset { get; set; }

    public string? Silo { get; set; }

    public double? SuggestedLearningRate { get; set; }

    public double? SearchLow { get; set; }

    public double? SearchHigh { get; set; }

    public string? Error { get; set; }
}
