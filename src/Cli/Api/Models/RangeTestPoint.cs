namespace HyperTune.Cli.Api.Models;

/// <summary>One step of a range test; the losses may be NaN or infinite at the end.</summary>
internal sealed record RangeTestPoint
{
    public int Step { get; set; }

    public double LearningRate { get; set; } = double.NaN;

    public double Loss { get; set; } = double.NaN;

    public double SmoothedLoss { get; set; } = double.NaN;
}
