namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>What the API says of one trial at one moment: enough to tell whether it moved on.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="State">Its state as the API writes it (<c>Running</c>, <c>Pending</c>, …).</param>
/// <param name="Epoch">Its latest epoch.</param>
/// <param name="Attempt">Its attempt: one more with each recovery.</param>
public sealed record TrialProgress(string TrialId, string State, int Epoch, int Attempt);
