using HyperTune.Abstractions.Trials;

namespace HyperTune.Coordinator.Dashboard.Live;

/// <summary>
/// One trial as a study page lists and ranks it without its curve: its latest status and the best value of the study's
/// objective it reported so far.
/// </summary>
/// <param name="Snapshot">Its latest status.</param>
/// <param name="BestValue">Its best objective value so far; NaN when it reported none.</param>
/// <param name="BestEpoch">The epoch of <paramref name="BestValue"/>; 0 when none.</param>
public sealed record TrialSummary(TrialSnapshot Snapshot, double BestValue, int BestEpoch);
