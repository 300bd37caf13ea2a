using System.ComponentModel.DataAnnotations;

namespace HyperTune.Coordinator.Dashboard;

/// <summary>The web dashboard's settings. Bound from <c>HyperTune:Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Dashboard";

    /// <summary>
    /// The longest a live page waits before drawing what changed: changes in between are drawn together, once.
    /// Default 300 ms; between 50 ms and 1 s (an epoch must show within a second).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:01")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the studies and cluster pages ask again. Default 1 s; between 100 ms and 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most points a curve is drawn with; longer curves are thinned (every epoch's extremes kept). Default 200.</summary>
    [Range(20, 10_000)]
    public int MaxPointsPerCurve { get; set; } = 200;

    /// <summary>
    /// Where the Orleans dashboard is (the AppHost sets it to the primary silo's); the navigation links to it. Default: none
    /// (no link).
    /// </summary>
    public string? OrleansDashboardUrl { get; set; }
}
