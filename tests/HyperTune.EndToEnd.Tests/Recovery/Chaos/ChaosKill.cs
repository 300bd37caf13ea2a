namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>One kill -9 of a silo during a chaos run.</summary>
/// <param name="Silo">The silo's name (<c>silo-0</c>, …).</param>
/// <param name="At">When it was killed (wall clock, as trial events are stamped).</param>
public sealed record ChaosKill(string Silo, DateTimeOffset At)
{
    /// <summary>How long until the membership table said Dead; null when it was not seen.</summary>
    public TimeSpan? DeclaredDeadAfter { get; set; }

    /// <summary>How long after the kill its restarted process was Active again; null when it was not.</summary>
    public TimeSpan? BackAfter { get; set; }
}
