using System.ComponentModel.DataAnnotations;

namespace HyperTune.Storage.Checkpoints;

/// <summary>
/// Which checkpoints of a run are kept. Bound from <c>HyperTune:Storage:Retention</c>. With the defaults a run holds at
/// most three checkpoints at any time (the last two and the best), so storage grows with the number of runs, not with
/// their length.
/// </summary>
public sealed class CheckpointRetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Storage:Retention";

    /// <summary>
    /// The newest checkpoints kept, 1 to 1,000. Default 2: the latest one to resume from, and the one before it in case
    /// the latest turns out corrupt.
    /// </summary>
    [Range(1, 1000)]
    public int KeepLast { get; set; } = 2;

    /// <summary>Also keep the checkpoint of the best epoch, however old. Default true.</summary>
    public bool KeepBest { get; set; } = true;
}
