using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Clustering;

namespace HyperTune.Coordinator.Api;

/// <summary>One silo as the API shows it: where it is, its slots and trials, its load and whether it drains.</summary>
/// <param name="Silo">The silo's full address, e.g. <c>S10.0.0.5:11111:123456789</c>.</param>
/// <param name="Name">The silo's name.</param>
/// <param name="Slots">Its training slots.</param>
/// <param name="Used">Slots in use: by running and paused trials (a trial waiting for a slot uses none).</param>
/// <param name="Free">Slots free.</param>
/// <param name="TrialIds">The trials placed there: holding a slot, or waiting for one (<see cref="WaitingTrialIds"/>).</param>
/// <param name="SyntheticSlots">Its virtual slots for the synthetic trainable.</param>
/// <param name="SyntheticUsed">Synthetic slots in use.</param>
/// <param name="SyntheticTrialIds">The trials placed on its synthetic slots.</param>
public sealed record SiloSlotsResponse(
    string Silo, string Name, int Slots, int Used, int Free, IReadOnlyList<string> TrialIds, int SyntheticSlots, int SyntheticUsed, IReadOnlyList<string> SyntheticTrialIds)
{
    /// <summary>Its <c>address:port</c> (the advertised address and silo port).</summary>
    public string Address { get; init; } = "";

    /// <summary>The machine it runs on (its host name in the membership table).</summary>
    public string Host { get; init; } = "";

    /// <summary>Trials started ahead there, waiting for a slot (real and synthetic), as the slot directory counts them.</summary>
    public int Standby { get; init; }

    /// <summary>Trials running there: holding a slot and training (real and synthetic).</summary>
    public int Running { get; init; }

    /// <summary>Trials paused there: they keep their slot (real and synthetic).</summary>
    public int Paused { get; init; }

    /// <summary>Trials Pending there: started, waiting for a slot (real and synthetic); they use none.</summary>
    public int Waiting { get; init; }

    /// <summary>The trials of <see cref="Waiting"/>.</summary>
    public IReadOnlyList<string> WaitingTrialIds { get; init; } = [];

    /// <summary>True while it drains: no new trials, its trials move off from their next checkpoint.</summary>
    public bool Draining { get; init; }

    /// <summary>The machine's CPU use, percent (Orleans' runtime statistics); null when not known.</summary>
    public double? CpuPercent { get; init; }

    /// <summary>The silo process's memory use, bytes; null when not known.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>The machine's memory, bytes; null when not known.</summary>
    public long? MachineMemoryBytes { get; init; }

    /// <summary>When it started (membership table).</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>Seconds since its last "I am alive" in the membership table; null when not known.</summary>
    public double? LastHeardSecondsAgo { get; init; }

    /// <summary>
    /// The API's view of <paramref name="slots"/>, with its membership entry and runtime statistics when known. With its
    /// trials' <paramref name="states"/>, slots are used by running and paused trials only; without, as the directory
    /// places them.
    /// </summary>
    public static SiloSlotsResponse From(
        SiloSlots slots, MembershipEntry? member = null, SiloRuntimeStatistics? statistics = null, DateTimeOffset? now = null, IReadOnlyDictionary<string, TrialState>? states = null)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var environment = statistics?.EnvironmentStatistics;
        var real = states is null ? null : PoolOccupancy.Of(slots.Real, states);
        var synthetic = states is null ? null : PoolOccupancy.Of(slots.Synthetic, states);
        return new(
            slots.Silo.ToString(), slots.Name, slots.Slots, real?.Used ?? slots.Used, real?.Free ?? slots.Free, slots.TrialIds,
            slots.Synthetic.Slots, synthetic?.Used ?? slots.Synthetic.Used, slots.Synthetic.TrialIds)
        {
            Address = slots.Silo.Endpoint.ToString(),
            Host = member?.HostName ?? "",
            Standby = slots.Standby + slots.Synthetic.Standby,
            Running = (real?.Running.Length ?? 0) + (synthetic?.Running.Length ?? 0),
            Paused = (real?.Paused.Length ?? 0) + (synthetic?.Paused.Length ?? 0),
            Waiting = (real?.Waiting ?? 0) + (synthetic?.Waiting ?? 0),
            WaitingTrialIds = [.. (real?.WaitingTrialIds ?? []).Concat(synthetic?.WaitingTrialIds ?? [])],
            Draining = slots.Draining,
            CpuPercent = environment is { } e ? Math.Round(e.FilteredCpuUsagePercentage, 1) : null,
            MemoryBytes = environment?.FilteredMemoryUsageBytes,
            MachineMemoryBytes = environment is { MaximumAvailableMemoryBytes: > 0 } m ? m.MaximumAvailableMemoryBytes : null,
            Started = member is null ? null : new DateTimeOffset(DateTime.SpecifyKind(member.StartTime, DateTimeKind.Utc)),
            LastHeardSecondsAgo = member is null || now is null ? null
                : Math.Max(0, Math.Round((now.Value - new DateTimeOffset(DateTime.SpecifyKind(member.IAmAliveTime, DateTimeKind.Utc))).TotalSeconds, 1)),
        };
    }
}
