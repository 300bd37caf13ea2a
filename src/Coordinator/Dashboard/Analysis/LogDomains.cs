using System.Text.Json;

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>Which hyperparameters a study searches on a log scale, read from its spec, so plots give them a log axis.</summary>
public static class LogDomains
{
    /// <summary>
    /// The names in <paramref name="specJson"/>'s <c>search_space</c> whose domain is <c>loguniform</c> or has
    /// <c>"log": true</c>; empty when the spec cannot be read.
    /// </summary>
    public static IReadOnlySet<string> Of(string specJson)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var spec = JsonDocument.Parse(specJson);
            if (spec.RootElement.ValueKind != JsonValueKind.Object
                || !spec.RootElement.TryGetProperty("search_space", out var space) || space.ValueKind != JsonValueKind.Object)
            {
                return names;
            }

            foreach (var parameter in space.EnumerateObject())
            {
                var domain = parameter.Value;
                if (domain.ValueKind == JsonValueKind.Object
                    && ((domain.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "loguniform")
                        || (domain.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.True)))
                {
                    names.Add(parameter.Name);
                }
            }
        }
        catch (JsonException)
        {
            // No spec to read: every axis decides from its values.
        }

        return names;
    }
}
