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
    /// A study page of a study with at most this many trials reads every trial's curve (and the intermediate-values plot
    /// draws them all); a larger study's page reads only the curves it charts. Default 200; between 0 and 5,000.
    /// </summary>
    [Range(0, 5_000)]
    public int AllCurvesUpTo { get; set; } = 200;

    /// <summary>The most curves a study page holds before it forgets those it no longer charts. Default 500; between 20 and 10,000.</summary>
    [Range(20, 10_000)]
    public int MaxHeldCurves { get; set; } = 500;

    /// <summary>
    /// The most marks (dots, lines) an analysis plot draws; with more trials it draws the best tenth and an even sample of
    /// the rest (lines and distributions still use every trial). Default 1,000; between 50 and 100,000.
    /// </summary>
    [Range(50, 100_000)]
    public int MaxMarks { get; set; } = 1000;

    /// <summary>Rows per page of a study's trial table. Default 50; between 10 and 1,000.</summary>
    [Range(10, 1_000)]
    public int TableRows { get; set; } = 50;

    /// <summary>
    /// Where the create-study form stores uploaded CSV files: a directory the silos also read. Default: none, and the form
    /// then offers a dataset path only (the Coordinator may run on another host than the silos). The AppHost sets it to
    /// <c>.hypertune/uploads</c> in the repository, the silos' data directory.
    /// </summary>
    public string? UploadDirectory { get; set; }

    /// <summary>
    /// How the silos name <see cref="UploadDirectory"/> in a spec's <c>dataset.path</c>: relative to their data directory.
    /// Default <c>uploads</c>.
    /// </summary>
    [Required]
    public string UploadSpecPath { get; set; } = "uploads";

    /// <summary>The largest CSV file the form uploads. Default 50 MiB; between 1 KiB and 2 GiB.</summary>
    [Range(1024L, 2L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Where the Orleans dashboard is (the AppHost sets it to the primary silo's); the navigation links to it. Default: none
    /// (no link).
    /// </summary>
    public string? OrleansDashboardUrl { get; set; }
}
