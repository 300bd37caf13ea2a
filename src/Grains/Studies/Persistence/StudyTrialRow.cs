using HyperTune.Abstractions.Trials;

namespace HyperTune.Grains.Studies.Persistence;

/// <summary>One trial's row of a study: what the study knows and tracks of it, and its searcher and scheduler parts.</summary>
/// <param name="Snapshot">Its latest snapshot.</param>
/// <param name="Placement">The silo whose training place it holds; null when it holds none.</param>
/// <param name="Retries">Restarts after being lost.</param>
/// <param name="SiloCrashes">Times its silo died while it trained.</param>
/// <param name="Lost">Why it is lost, while it waits to restart.</param>
/// <param name="SearcherState">The searcher's part for it.</param>
/// <param name="SchedulerState">The scheduler's part for it.</param>
[GenerateSerializer, Immutable]
public sealed record StudyTrialRow(
    [property: Id(0)] TrialSnapshot Snapshot,
    [property: Id(1)] SiloAddress? Placement,
    [property: Id(2)] int Retries,
    [property: Id(3)] int SiloCrashes,
    [property: Id(4)] string? Lost,
    [property: Id(5)] byte[]? SearcherState,
    [property: Id(6)] byte[]? SchedulerState)
{
    /// <summary>Times it moved off a draining silo (restarts that do not count against its retries).</summary>
    [Id(7)]
    public int Moves { get; init; }
}
