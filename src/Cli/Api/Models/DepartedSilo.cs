namespace HyperTune.Cli.Api.Models;

/// <summary>A silo that left the cluster or was declared dead, as the membership table remembers it.</summary>
internal sealed record DepartedSilo
{
    public string Silo { get; set; } = "";

    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public string Address { get; set; } = "";

    public string How { get; set; } = "";

    public DateTimeOffset LastHeard { get; set; }
}
