using System.ComponentModel.DataAnnotations;
using HyperTune.Search.Specs;

namespace HyperTune.Coordinator.Hosting;

/// <summary>
/// How much a request may ask of the Coordinator. Bound from <c>HyperTune:Api</c>; validated at start.
/// </summary>
public sealed class ApiLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HyperTune:Api";

    /// <summary>
    /// The largest request body Kestrel accepts, in bytes; a larger one gets 413 "Payload too large" before it is read
    /// whole. Default 4 MiB (4,194,304), the longest study spec the API reads (<see cref="StudySpecParser.MaxLength"/>
    /// characters); a real spec is a few kilobytes. Between 1 KiB and 64 MiB. (The dashboard's spec upload travels over
    /// its SignalR connection, whose messages Blazor caps on their own.)
    /// </summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBodySize { get; set; } = StudySpecParser.MaxLength;

    /// <summary>
    /// The deepest nesting of arrays and objects a JSON body may have; a deeper one gets 400 at once. Default 32 (a
    /// study spec nests about 5 deep). Between 4 and 256.
    /// </summary>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 32;
}
