using System.ComponentModel.DataAnnotations;

namespace HyperTune.Silo.Hosting;

/// <summary>How a silo finds its cluster. Bound from <c>HyperTune:Cluster</c>.</summary>
public sealed class SiloClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Cluster";

    /// <summary>Port for silo-to-silo traffic. Default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to. Default 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// With the <c>memory</c> storage provider (localhost clustering) only: the silo port of the primary silo on this
    /// machine that others join; null (the default) makes this silo the primary. SQLite and PostgreSQL keep the
    /// membership in the store, where no silo is primary, and ignore it.
    /// </summary>
    [Range(1, 65535)]
    public int? PrimarySiloPort { get; set; }

    /// <summary>
    /// The address other silos and clients reach this silo at; it must be one of this machine's addresses (any loopback
    /// address is), or the silo does not start. Default with PostgreSQL (ADO.NET) clustering, where the silo listens on
    /// every address: the machine's first non-loopback IPv4 address (loopback when it has none; the AppHost sets
    /// 127.0.0.1). Default with SQLite clustering: 127.0.0.1 (a SQLite file is one machine's), and the silo listens on
    /// that address only. Ignored with the <c>memory</c> provider's localhost clustering.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How far this silo's clock may be from the PostgreSQL server's before the silo refuses to start (membership,
    /// checkpoints and histories are stamped with the silos' clocks). Checked once, before the silo joins; zero turns the
    /// check off. Default 5 s. Only with the <c>postgres</c> provider: with SQLite every silo shares one machine's clock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The silo's name in logs and the cluster view. Default: Orleans picks one.</summary>
    public string? SiloName { get; set; }

    /// <summary>The cluster's id; silos and clients must agree. Default <c>hypertune</c>.</summary>
    [Required]
    public string ClusterId { get; set; } = "hypertune";

    /// <summary>The service's id, stable across deployments. Default <c>hypertune</c>.</summary>
    [Required]
    public string ServiceId { get; set; } = "hypertune";
}
