namespace HyperTune.Cli.Api.Models;

/// <summary>A checkpoint a trial wrote.</summary>
internal sealed record CheckpointRecord
{
    public int Epoch { get; set; }

    public long SizeBytes { get; set; }

    public DateTimeOffset? WrittenAt { get; set; }
}
