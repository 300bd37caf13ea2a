namespace HyperTune.EndToEnd.Tests.Recovery.Chaos;

/// <summary>The longest a trial was seen Running without moving on.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="From">When it was first seen as it then stood (on the watcher's clock).</param>
/// <param name="To">The last time it was seen still standing there.</param>
/// <param name="Epoch">The epoch it stood at.</param>
/// <param name="Attempt">The attempt it stood at.</param>
public sealed record TrialStall(string TrialId, TimeSpan From, TimeSpan To, int Epoch, int Attempt)
{
    /// <summary>How long it stood still.</summary>
    public TimeSpan Length => To - From;

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{TrialId} at epoch {Epoch} (attempt {Attempt}) for {Length.TotalSeconds:F1} s, from {From.TotalSeconds:F1} s");
}
