using System.ComponentModel.DataAnnotations;

namespace HyperTune.Coordinator.Hosting;

/// <summary>
/// How the Coordinator's Orleans client finds the cluster when Orleans' own configuration (<c>Orleans:Clustering</c>)
/// does not say. Bound from <c>HyperTune:Cluster</c>, the section the silos read too.
/// </summary>
public sealed class CoordinatorClusterOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Cluster";

    /// <summary>The gateway port of the one silo on this machine to connect to. Default 30000 (the silo's default).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The gateway ports of several silos on this machine; when any are given they replace <see cref="GatewayPort"/>.
    /// Default: none.
    /// </summary>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>
    /// The SQLite file the silos share (their <c>HyperTune:Storage:SqlitePath</c>). When set, the client finds the
    /// gateways of the cluster's live silos in the membership table kept there, whichever silos are up, and the gateway
    /// ports are not used; a relative path resolves against the working directory. Default: none (the gateway ports).
    /// </summary>
    public string? SqlitePath { get; set; }

    /// <summary>
    /// The PostgreSQL database the silos share (their <c>HyperTune:Storage:ConnectionString</c>). When set, the client
    /// finds the gateways of the cluster's live silos in the membership table kept there (Orleans' ADO.NET clustering),
    /// on any machine, and the gateway ports are not used. Default: none. Never logged.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// With <see cref="SqlitePath"/> or <see cref="PostgresConnectionString"/>: how often the client reads the live
    /// gateways again, so it stops using a silo the cluster declared dead (a machine cut off the network, whose
    /// connections do not close) and finds a restarted one. Default 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan GatewayRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The cluster's id; silos and clients must agree. Default <c>hypertune</c>.</summary>
    [Required]
    public string ClusterId { get; set; } = "hypertune";

    /// <summary>The service's id; silos and clients must agree. Default <c>hypertune</c>.</summary>
    [Required]
    public string ServiceId { get; set; } = "hypertune";

    /// <summary>
    /// How long the client keeps trying to reach a gateway when the Coordinator starts before giving up (and failing
    /// the start). Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long <c>/health</c>'s grain call to the cluster may take before the Coordinator counts the cluster as
    /// unreachable. Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one probe's answer serves every <c>/health</c> request that follows it (so that the open endpoint costs
    /// the cluster at most one call per interval). Default 2 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan HealthProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The gateway ports to use: <see cref="GatewayPorts"/> if any, else <see cref="GatewayPort"/>.</summary>
    public int[] EffectiveGatewayPorts => GatewayPorts.Length > 0 ? GatewayPorts : [GatewayPort];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var port in GatewayPorts.Where(port => port is < 1 or > 65535))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(GatewayPorts)} holds {port}; a port is between 1 and 65535.", [nameof(GatewayPorts)]);
        }

        if (SqlitePath is { Length: > 0 } && PostgresConnectionString is { Length: > 0 })
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(SqlitePath)} and {SectionName}:{nameof(PostgresConnectionString)} are both set; the silos keep their membership in one of them.",
                [nameof(SqlitePath), nameof(PostgresConnectionString)]);
        }
    }
}
