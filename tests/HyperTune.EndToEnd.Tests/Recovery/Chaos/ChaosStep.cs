namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>One round of a chaos run: wait, kill a silo, leave it down, start it again.</summary>
/// <param name="Wait">How long to wait before the kill (after the previous round's silo is back).</param>
/// <param name="Victim">The index of the silo to kill.</param>
/// <param name="Down">How long the killed silo stays down before it is started again.</param>
/// <param name="RestartCoordinator">Whether the Coordinator is killed and started again after this round.</param>
public sealed record ChaosStep(TimeSpan Wait, int Victim, TimeSpan Down, bool RestartCoordinator);
