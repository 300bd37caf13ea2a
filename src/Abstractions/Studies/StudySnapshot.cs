using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.Studies;

/// <summary>A study's status at one moment.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Name">Its name from the spec.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Reason">Why it stopped; null otherwise.</param>
/// <param name="ObjectiveMetric">The metric it optimizes.</param>
/// <param name="Maximize">True when larger is better.</param>
/// <param name="MaxTrials">The budget's trial count.</param>
/// <param name="TrialsStarted">Trials created so far.</param>
/// <param name="TrialCounts">Trials per state.</param>
/// <param name="Best">The best trial so far, if any has reported.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="EndedAt">When it finished.</param>
/// <param name="SpecJson">The spec it runs, as JSON.</param>
/// <param name="Version">
/// Grows with every snapshot the study makes. Notifications may arrive out of order, so a client keeps the snapshot
/// with the highest version.
/// </param>
[GenerateSerializer, Immutable]
public sealed record StudySnapshot(
    [property: Id(0)] string StudyId,
    [property: Id(1)] string Name,
    [property: Id(2)] StudyState State,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string ObjectiveMetric,
    [property: Id(5)] bool Maximize,
    [property: Id(6)] int MaxTrials,
    [property: Id(7)] int TrialsStarted,
    [property: Id(8)] ImmutableDictionary<TrialState, int> TrialCounts,
    [property: Id(9)] BestTrial? Best,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? EndedAt,
    [property: Id(12)] string SpecJson,
    [property: Id(13)] long Version = 0);
