namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>One event of a trial's history (a recovery, a resume, …) as the API gives it.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened (<c>recovering</c>, <c>resumed</c>, …).</param>
/// <param name="Epoch">The epoch the trial stood at; for a resume, the epoch it continued from.</param>
/// <param name="Message">The sentence for people.</param>
public sealed record HistoryEvent(DateTimeOffset At, string Kind, int Epoch, string Message)
{
    /// <summary>A restart of the trial began.</summary>
    public const string Recovering = "recovering";

    /// <summary>The restarted trial continued from a checkpoint (or from scratch, epoch 0).</summary>
    public const string Resumed = "resumed";
}
