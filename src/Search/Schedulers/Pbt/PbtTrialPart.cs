namespace HyperTune.Search.Schedulers.Pbt;

/// <summary>The saved per-trial state of population-based training.</summary>
internal sealed class PbtTrialPart
{
    /// <summary>The epoch the trial's next exploit/explore step counts from (0 before any).</summary>
    public int LastPerturbation { get; set; }

    /// <summary>The exploits of which the trial was the target, oldest first, each with its place in the whole lineage.</summary>
    public List<PbtLineageRecord>? Lineage { get; set; }
}
