namespace HyperTune.Search.Schedulers;

/// <summary>
/// Multiply the trial's live learning rate by <paramref name="Factor"/>, through the same command a person's decay
/// uses; the trial keeps training.
/// </summary>
/// <param name="Factor">The multiplier, in (0, 1) for a decay.</param>
/// <param name="Reason">Why, e.g. "val_loss has not improved for 3 epochs".</param>
public sealed record DecayLearningRateDecision(double Factor, string Reason) : SchedulerDecision
{
    /// <inheritdoc />
    public override string Reason { get; } = Reason;
}
