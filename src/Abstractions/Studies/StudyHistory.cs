using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.Studies;

/// <summary>The full metric history of a study: one entry per trial.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Trials">Each trial's history.</param>
[GenerateSerializer, Immutable]
public sealed record StudyHistory(
    [property: Id(0)] string StudyId,
    [property: Id(1)] ImmutableArray<TrialHistory> Trials);
