using System.Collections.Immutable;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Abstractions.Studies;

/// <summary>A window of a study's trials.</summary>
/// <param name="Total">How many trials match the query's states (the size of the whole list the page is cut from).</param>
/// <param name="Trials">The trials of the window, in the query's order.</param>
[GenerateSerializer, Immutable]
public sealed record TrialPage(
    [property: Id(0)] int Total,
    [property: Id(1)] ImmutableArray<TrialSnapshot> Trials);
