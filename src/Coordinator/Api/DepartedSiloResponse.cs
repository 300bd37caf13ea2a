namespace HyperTune.Coordinator.Api;

/// <summary>A silo that left the cluster, as the membership table remembers it.</summary>
/// <param name="Silo">Its full address.</param>
/// <param name="Name">Its name.</param>
/// <param name="Host">The machine it ran on.</param>
/// <param name="Address">Its <c>address:port</c>.</param>
/// <param name="How"><c>dead</c>: declared dead by the others (or shut down; Orleans records both as Dead).</param>
/// <param name="Started">When it started.</param>
/// <param name="LastHeard">Its last "I am alive" in the table: about when it left.</param>
/// <param name="Suspicions">How many times other silos suspected it before the end.</param>
public sealed record DepartedSiloResponse(string Silo, string Name, string Host, string Address, string How, DateTimeOffset Started, DateTimeOffset LastHeard, int Suspicions)
{
    /// <summary>The API's view of <paramref name="entry"/>.</summary>
    public static DepartedSiloResponse From(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.SiloAddress.ToString(), entry.SiloName ?? "", entry.HostName ?? "", entry.SiloAddress.Endpoint.ToString(), "dead",
            new DateTimeOffset(DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc)),
            entry.SuspectTimes?.Count ?? 0);
    }
}
