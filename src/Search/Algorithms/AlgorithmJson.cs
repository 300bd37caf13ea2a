using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperTune.Search.Algorithms;

/// <summary>The JSON of saved searcher and scheduler state.</summary>
internal static class AlgorithmJson
{
    /// <summary>snake_case; NaN and infinite numbers allowed (a diverged loss is NaN, its score −∞); nulls left out.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
