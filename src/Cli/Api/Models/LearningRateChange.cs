namespace HyperTune.Cli.Api.Models;

/// <summary>A change of a trial's learning rate, where it took effect.</summary>
internal sealed record LearningRateChange
{
    public int Epoch { get; set; }

    public long Step { get; set; }

    public double OldLearningRate { get; set; }

    public double NewLearningRate { get; set; }

    /// <summary>user, schedule, policy or population.</summary>
    public string Source { get; set; } = "";

    /// <summary>decay or set for a command; null for a schedule step.</summary>
    public string? Command { get; set; }
}
