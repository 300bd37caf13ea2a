using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Schedulers;

/// <summary>The saved form of a <see cref="TrialSchedulerBase"/>.</summary>
internal sealed class SchedulerState
{
    /// <summary>snake_case; −∞ scores allowed (a NaN metric scores −∞).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public string Kind { get; set; } = "";

    public int Format { get; set; }

    public string Fingerprint { get; set; } = "";

    public List<SchedulerTrial> Trials { get; set; } = [];

    public JsonObject? Algorithm { get; set; }
}
