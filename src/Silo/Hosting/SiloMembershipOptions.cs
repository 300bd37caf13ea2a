using System.ComponentModel.DataAnnotations;
using Orleans.Configuration;

namespace HyperTune.Silo.Hosting;

/// <summary>
/// How fast the cluster declares a silo dead. Bound from <c>HyperTune:Cluster:Membership</c> and applied to Orleans'
/// <see cref="ClusterMembershipOptions"/>.
/// <para>
/// Silos probe each other; the time a probe may take adapts to the observed response times between
/// <see cref="ProbeTimeout"/>/2 and <see cref="MaxProbeTimeout"/>. After <see cref="NumMissedProbesLimit"/> failed
/// probes in a row (and a failed indirect probe through another silo), the prober suspects the silo and votes;
/// <see cref="NumVotesForDeathDeclaration"/> fresh votes (capped at half the live silos, so one vote in a two-silo
/// cluster) declare it dead, and its grains are activated elsewhere at their next call. A silo killed with
/// <c>kill -9</c> refuses connections at once, so it is declared dead after about three probe periods, ≈ 4–6 s with
/// these defaults; a machine that vanishes (power, cable) lets probes run to their timeout, ≈ 3 × 4 s = 12 s. Both are
/// under the 15 s recovery target; Orleans' own defaults (5 s probes, up to 20 s timeouts) took ≈ 10 s for a
/// <c>kill -9</c> here and can take a minute for a vanished machine.
/// </para>
/// <para>
/// Why not faster: on loopback, 1 s probes with two misses and one vote declared a silo dead in 0.6 s, but on a real
/// network that also kills silos that are merely slow — a full GC pause, cores saturated by training, a brief network
/// blip — and a silo declared dead must restart while its trials resume from checkpoints, which costs far more than a
/// few seconds of detection. So a silo must fail three probes in a row, spanning several seconds; two silos must agree
/// in clusters of three or more; votes go stale after <see cref="DeathVoteExpirationTimeout"/>; and Orleans lengthens
/// probe timeouts while the prober itself is unhealthy, so an overloaded silo does not accuse healthy ones.
/// </para>
/// </summary>
public sealed class SiloMembershipOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Cluster:Membership";

    /// <summary>The initial probe period and timeout; the adaptive timeout never goes below half of it. Default 2 s (Orleans: 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a probe may take, however slow answers have been. Default 4 s (Orleans: 4 × <see cref="ProbeTimeout"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:02:00")]
    public TimeSpan MaxProbeTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Failed probes in a row before a prober suspects a silo. Default 3 (as Orleans).</summary>
    [Range(1, 10)]
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Votes that declare a silo dead (capped at half the live silos). Default 2 (as Orleans).</summary>
    [Range(1, 10)]
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a vote counts. Default 60 s (Orleans: 2 min).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often each silo rereads the membership table even without news (news also spreads by gossip). Default 10 s
    /// (Orleans: 1 min).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Copies these values to Orleans' options.</summary>
    public void ApplyTo(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.MaxProbeTimeout = MaxProbeTimeout > ProbeTimeout ? MaxProbeTimeout : ProbeTimeout;
        options.NumMissedProbesLimit = NumMissedProbesLimit;
        options.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
        options.DeathVoteExpirationTimeout = DeathVoteExpirationTimeout;
        options.TableRefreshTimeout = TableRefreshTimeout;
    }
}
