namespace HyperTune.Search.Schedulers;

/// <summary>Where a trial stands, as far as its scheduler knows.</summary>
public enum SchedulerTrialStatus
{
    /// <summary>Added and not yet ended.</summary>
    Running,

    /// <summary>The scheduler pruned it (it may still be told the trial completed).</summary>
    Pruned,

    /// <summary>Ended normally.</summary>
    Completed,

    /// <summary>Ended with an error.</summary>
    Failed,
}
