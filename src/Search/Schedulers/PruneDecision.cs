namespace HyperTune.Search.Schedulers;

/// <summary>Stop the trial now and mark it pruned; its last result is its final one.</summary>
/// <param name="Reason">Why, e.g. "below the median of 4 trials at epoch 5".</param>
public sealed record PruneDecision(string Reason) : SchedulerDecision
{
    /// <inheritdoc />
    public override string Reason { get; } = Reason;
}
