using System.Text.Json;
using HyperTune.Search.Algorithms;

namespace HyperTune.Search.Specs.Reading;

/// <summary>
/// Reads <c>$.searcher</c> and <c>$.scheduler</c>: <c>{"kind": "grid", …options}</c>, or just the kind as a string.
/// Options are kept raw; the algorithm's provider binds and checks them.
/// </summary>
internal static class AlgorithmSpecReader
{
    private const string KindProperty = "kind";

    /// <summary>The kind (null when missing or bad) and the options.</summary>
    public static (string? Kind, AlgorithmOptions Options) Read(SpecReadContext context, JsonElement element, string path)
    {
        var kindPath = JsonPaths.Property(path, KindProperty);
        if (element.ValueKind == JsonValueKind.String)
        {
            return (element.GetString(), AlgorithmOptions.Empty);
        }

        string? kind = null;
        var sawKind = false;
        var options = new List<KeyValuePair<string, JsonElement>>();
        foreach (var (name, value, propertyPath) in context.Entries(element, path))
        {
            if (name == KindProperty)
            {
                sawKind = true;
                kind = context.String(value, propertyPath);
            }
            else
            {
                options.Add(KeyValuePair.Create(name, value));
            }
        }

        if (!sawKind && element.ValueKind == JsonValueKind.Object)
        {
            context.Error(kindPath, "is required");
        }

        return (kind, new AlgorithmOptions(options));
    }
}
