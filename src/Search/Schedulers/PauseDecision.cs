namespace HyperTune.Search.Schedulers;

/// <summary>Pause the trial, keeping its state so it can resume later.</summary>
/// <param name="Reason">Why.</param>
public sealed record PauseDecision(string Reason) : SchedulerDecision
{
    /// <inheritdoc />
    public override string Reason { get; } = Reason;
}
