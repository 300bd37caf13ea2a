using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Api;

/// <summary>A trial with its full history: the answer of <c>GET /api/trials/{id}</c>.</summary>
/// <param name="Trial">The trial now.</param>
/// <param name="History">Every epoch, learning-rate change and checkpoint so far.</param>
public sealed record TrialDetails(TrialSnapshot Trial, TrialHistory History)
{
    /// <summary>The trials forked from this one, by number (its own origin is <see cref="TrialSnapshot.ForkedFrom"/>).</summary>
    public IReadOnlyList<string> Forks { get; init; } = [];
}
