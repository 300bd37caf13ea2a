using System.ComponentModel.DataAnnotations;

namespace HyperTune.Grains.Studies;

/// <summary>
/// How studies look after their trials (configuration section <c>HyperTune:Recovery</c>). A trial is lost when the silo
/// it trains on leaves the cluster, when it reports nothing for <see cref="ReportTimeout"/>, or when its training fails
/// after at least one epoch; the study then restarts it from its latest usable checkpoint on a silo with a free slot, at
/// most <see cref="MaxRetries"/> times, and after that ends it as Failed with the reason.
/// </summary>
public sealed class StudyRecoveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Recovery";

    /// <summary>
    /// How often a study checks its running trials. Default 2 s. A trial on a silo that membership declared dead is
    /// restarted at the next check; one whose silo vanished from membership (a whole-cluster restart) at the second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A running trial that reports no epoch for this long is hung: it is abandoned and restarted. Default 30 min; set it
    /// well above your slowest epoch (plus the dataset load).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Restarts of one trial before it is failed for good. Default 3; 0 turns recovery off.</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// A trial whose silo died this many times while it trained is not started again: it is failed as a suspected
    /// crasher (a model too big for the machine would otherwise take down one silo after another). Default 2; 0 turns
    /// the check off (silo deaths then count only against <see cref="MaxRetries"/>).
    /// </summary>
    [Range(0, 100)]
    public int MaxSiloCrashes { get; set; } = 2;

    /// <summary>
    /// A trial on a draining silo moves elsewhere as soon as it has a checkpoint of its latest epoch (or at once when it
    /// has not begun training); one that writes no such checkpoint within this time after the study saw the drain moves
    /// anyway, from its latest checkpoint (or from scratch), and trains the epochs after it again. Default 10 min; set
    /// it above the time your trials take between two checkpoints. Moves do not count against <see cref="MaxRetries"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DrainMoveTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
