namespace HyperTune.Cli.Api.Models;

/// <summary>The answer of <c>GET /api/cluster</c>.</summary>
internal sealed record ClusterView
{
    public IReadOnlyList<SiloSlots> Silos { get; set; } = [];

    public int TotalSlots { get; set; }

    public int FreeSlots { get; set; }

    public int TotalSyntheticSlots { get; set; }

    public int FreeSyntheticSlots { get; set; }

    public IReadOnlyList<DepartedSilo> Departed { get; set; } = [];
}
