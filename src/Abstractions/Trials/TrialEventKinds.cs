namespace HyperTune.Abstractions.Trials;

/// <summary>The kinds of <see cref="TrialEvent"/>.</summary>
public static class TrialEventKinds
{
    /// <summary>Training restarted after the trial was lost (its silo died, it hung or it failed).</summary>
    public const string Recovering = "recovering";

    /// <summary>Training continued from a checkpoint (or from scratch when none was usable).</summary>
    public const string Resumed = "resumed";

    /// <summary>A checkpoint was missing or corrupt and was skipped.</summary>
    public const string CheckpointUnusable = "checkpoint_unusable";

    /// <summary>The study gave up on the trial after its retries.</summary>
    public const string GaveUp = "gave_up";

    /// <summary>Population-based training replaced the trial's weights with another trial's checkpoint.</summary>
    public const string Exploited = "exploited";

    /// <summary>The trial left a draining silo (its run there ended; it continues elsewhere from its checkpoint).</summary>
    public const string MovedOff = "moved_off";

    /// <summary>The trial was forked from another trial's checkpoint (its first event).</summary>
    public const string Forked = "forked";
}
