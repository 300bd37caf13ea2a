namespace HyperTune.Cli.Api.Models;

/// <summary>Where a forked trial came from (a trial's <c>forkedFrom</c>).</summary>
internal sealed record TrialForkOrigin
{
    public string SourceTrialId { get; set; } = "";

    public int SourceEpoch { get; set; }

    /// <summary>The learning rate the fork started with; null: the source's at that epoch.</summary>
    public double? LearningRate { get; set; }
}
