namespace HyperTune.Cli.Api.Models;

/// <summary>The answer of <c>GET /api/trials/{id}</c>: a trial and its history.</summary>
internal sealed record TrialDetails
{
    public Trial Trial { get; set; } = new();

    public TrialHistory History { get; set; } = new();

    /// <summary>The trials forked from this one.</summary>
    public IReadOnlyList<string> Forks { get; set; } = [];
}
