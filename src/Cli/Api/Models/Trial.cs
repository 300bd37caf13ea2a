using System.Text.Json;

namespace HyperTune.Cli.Api.Models;

/// <summary>A trial as the API describes it (docs/rest-api.md, "Trials").</summary>
internal sealed record Trial
{
    public string TrialId { get; set; } = "";

    public string StudyId { get; set; } = "";

    public int Number { get; set; }

    /// <summary>Pending, Running, Paused, Completed, Stopped, Pruned, Diverged or Failed.</summary>
    public string State { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>Hyperparameter name → value (a number, string or boolean).</summary>
    public IReadOnlyDictionary<string, JsonElement> Config { get; set; } = new Dictionary<string, JsonElement>();

    public int Epoch { get; set; }

    public int MaxEpochs { get; set; }

    public IReadOnlyDictionary<string, double> Metrics { get; set; } = new Dictionary<string, double>();

    /// <summary>The latest effective learning rate; NaN before the first epoch.</summary>
    public double LearningRate { get; set; } = double.NaN;

    public string? Silo { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int LastCheckpointEpoch { get; set; }

    public double TrainingSeconds { get; set; }

    /// <summary>The trial and checkpoint it was forked from; null for a trial of its own.</summary>
    public TrialForkOrigin? ForkedFrom { get; set; }
}
