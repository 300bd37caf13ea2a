using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// The saved form of an algorithm's state as read: the shared part (<c>trials</c> absent) or the whole state (the shared
/// part with <c>trials</c>, every trial's part). Format 1 had no parts and no <c>trial_count</c>.
/// </summary>
internal sealed class AlgorithmStateHeader
{
    public string Kind { get; set; } = "";

    public int Format { get; set; }

    public string Fingerprint { get; set; } = "";

    public int? TrialCount { get; set; }

    public JsonObject? Algorithm { get; set; }

    public List<JsonElement>? Trials { get; set; }
}
