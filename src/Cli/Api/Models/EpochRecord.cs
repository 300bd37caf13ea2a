namespace HyperTune.Cli.Api.Models;

/// <summary>One epoch a trial reported.</summary>
internal sealed record EpochRecord
{
    public int Epoch { get; set; }

    public long Step { get; set; }

    public IReadOnlyDictionary<string, double> Metrics { get; set; } = new Dictionary<string, double>();

    public double LearningRate { get; set; } = double.NaN;

    public double DurationSeconds { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }
}
