using System.ComponentModel.DataAnnotations;

namespace HyperTune.Coordinator.Events;

/// <summary>How live study events are followed. Bound from <c>HyperTune:Events</c>.</summary>
public sealed class StudyEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Events";

    /// <summary>
    /// How often an open event stream renews its subscription; a study forgets subscribers after 5 minutes without
    /// renewal. Default 2 minutes; between 1 second and 4 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:04:00")]
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Events one stream holds for a slow reader; past this the oldest are dropped. Default 10,000; at least 16.
    /// </summary>
    [Range(16, 1_000_000)]
    public int BufferCapacity { get; set; } = 10_000;
}
