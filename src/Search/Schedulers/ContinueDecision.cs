namespace HyperTune.Search.Schedulers;

/// <summary>Keep training; nothing to do. Use <see cref="SchedulerDecision.Continue"/>.</summary>
public sealed record ContinueDecision : SchedulerDecision
{
    internal ContinueDecision()
    {
    }

    /// <inheritdoc />
    public override string Reason => "";
}
