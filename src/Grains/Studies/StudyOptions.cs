using System.ComponentModel.DataAnnotations;

namespace HyperTune.Grains.Studies;

/// <summary>How a study runs (configuration section <c>HyperTune:Studies</c>).</summary>
public sealed class StudyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Studies";

    /// <summary>
    /// How long a change may wait to be written with later ones. Default 100 ms. Trials' starts, the study's state
    /// changes and commands are written at once; epochs, checkpoints and ends are batched. A study that dies loses at most
    /// this much of what its trials reported — and hears it again: it asks its unfinished trials when it comes back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a study waiting for a free training slot asks again. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SlotRetryInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long creating a study waits for its first trial to start before it answers. Default 5 s. It answers sooner
    /// when the trial has started or no slot is free; the rest of the first wave starts after the answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FirstLaunchWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A study whose trials fail this many times in a row before their first epoch (a dataset that cannot be read, a
    /// config the engine refuses) stops as Failed with their reason instead of burning its whole budget. Default 5; 0
    /// turns the check off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxConsecutiveFailures { get; set; } = 5;
}
