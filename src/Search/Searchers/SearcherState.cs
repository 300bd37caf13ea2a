using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Searchers;

/// <summary>The saved form of a <see cref="SearcherBase"/>.</summary>
internal sealed class SearcherState
{
    /// <summary>snake_case; NaN and infinite metrics allowed (a diverged loss is NaN).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public string Kind { get; set; } = "";

    public int Format { get; set; }

    public string Fingerprint { get; set; } = "";

    public List<TrialState> Trials { get; set; } = [];

    public JsonObject? Algorithm { get; set; }
}
