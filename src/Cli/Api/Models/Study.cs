namespace HyperTune.Cli.Api.Models;

/// <summary>A study as the API describes it (docs/rest-api.md, "Studies").</summary>
internal sealed record Study
{
    private IReadOnlyDictionary<string, int> _trialCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    public string StudyId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Running, Paused, Stopping, Completed or Stopped.</summary>
    public string State { get; set; } = "";

    public string? Reason { get; set; }

    public string ObjectiveMetric { get; set; } = "";

    public bool Maximize { get; set; }

    public int MaxTrials { get; set; }

    public int TrialsStarted { get; set; }

    /// <summary>Trials per trial state, e.g. <c>{ "Running": 2 }</c>; looked up ignoring the case of the state.</summary>
    public IReadOnlyDictionary<string, int> TrialCounts
    {
        get => _trialCounts;
        set => _trialCounts = new Dictionary<string, int>(value, StringComparer.OrdinalIgnoreCase);
    }

    public BestTrial? Best { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? SpecJson { get; set; }
}
