using System.Text.Json;

namespace HyperTune.Cli.Api.Models;

/// <summary>The best trial of a study at its best epoch.</summary>
internal sealed record BestTrial
{
    public string TrialId { get; set; } = "";

    public int Epoch { get; set; }

    public double Value { get; set; }

    public IReadOnlyDictionary<string, JsonElement> Config { get; set; } = new Dictionary<string, JsonElement>();
}
