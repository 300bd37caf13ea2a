using System.Globalization;
using System.Text.Json;

namespace HyperTune.Search.Specs.Reading;

/// <summary>Reads typed values out of spec JSON, reporting every problem with its path instead of stopping.</summary>
internal sealed class SpecReadContext(SpecErrorList errors)
{
    /// <summary>Where problems go.</summary>
    public SpecErrorList Errors { get; } = errors;

    /// <summary>Reports a problem.</summary>
    public void Error(string path, string message) => Errors.Add(path, message);

    /// <summary>
    /// The known properties of an object, with their paths. Reports a non-object, repeated names and unknown names
    /// (with a "did you mean").
    /// </summary>
    public IEnumerable<(string Name, JsonElement Value, string Path)> Properties(JsonElement element, string path, IReadOnlyCollection<string> known, string what)
    {
        if (!IsObject(element, path))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPaths.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Error(propertyPath, "appears twice");
            }
            else if (!known.Contains(property.Name))
            {
                var name = property.Name;
                Errors.Add(propertyPath, () => $"is not a property of {what}{Suggestions.DidYouMean(name, known)}; expected: {string.Join(", ", known)}");
            }
            else
            {
                yield return (property.Name, property.Value, propertyPath);
            }
        }
    }

    /// <summary>Every property of an object with its path, reporting repeated names; for maps with free keys.</summary>
    public IEnumerable<(string Name, JsonElement Value, string Path)> Entries(JsonElement element, string path)
    {
        if (!IsObject(element, path))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPaths.Property(path, property.Name);
            if (seen.Add(property.Name))
            {
                yield return (property.Name, property.Value, propertyPath);
            }
            else
            {
                Error(propertyPath, "appears twice");
            }
        }
    }

    /// <summary>True for an object; otherwise reports it.</summary>
    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, $"must be an object, not {Describe(element)}");
        return false;
    }

    /// <summary>A string; null for JSON null when <paramref name="nullable"/>.</summary>
    public string? String(JsonElement element, string path, bool nullable = false) =>
        element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null when nullable => null,
            _ => Fail<string>(path, "a string", element),
        };

    /// <summary>A number.</summary>
    public double? Double(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var d) && double.IsFinite(d) ? d : FailValue<double>(path, "a number", element);

    /// <summary>A whole number (<c>3</c> or <c>3.0</c>).</summary>
    public long? Int64(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var l))
            {
                return l;
            }

            if (element.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
            {
                return (long)d;
            }
        }

        return FailValue<long>(path, "a whole number", element);
    }

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    public int? Int32(JsonElement element, string path)
    {
        var value = Int64(element, path);
        if (value is null)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            Error(path, string.Create(CultureInfo.InvariantCulture, $"must be at most {int.MaxValue}, not {value}"));
            return null;
        }

        return (int)value;
    }

    /// <summary>true or false.</summary>
    public bool? Bool(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => FailValue<bool>(path, "true or false", element),
        };

    /// <summary>A duration in constant format (<c>"00:30:00"</c>, <c>"1.00:00:00"</c>); null for JSON null.</summary>
    public TimeSpan? Duration(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String
            && TimeSpan.TryParseExact(element.GetString(), "c", CultureInfo.InvariantCulture, out var duration))
        {
            return duration;
        }

        return FailValue<TimeSpan>(path, "a duration such as \"00:30:00\" or \"1.00:00:00\"", element);
    }

    /// <summary>An enum by its snake_case name; null for JSON null when <paramref name="nullable"/>.</summary>
    public TEnum? Enum<TEnum>(JsonElement element, string path, bool nullable = false)
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.Null && nullable)
        {
            return null;
        }

        var names = JsonNames.All<TEnum>().ToList();
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString();
            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                if (string.Equals(JsonNames.Of(value), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        return FailValue<TEnum>(path, "one of " + string.Join(", ", names), element);
    }

    /// <summary>
    /// A short description of a JSON value for messages: <c>"abc"</c>, <c>12</c>, <c>an object</c>; long text is cut
    /// (<see cref="SpecText.Shorten(string)"/>).
    /// </summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => SpecText.Shorten(element.GetRawText()),
    };

    private T? Fail<T>(string path, string expected, JsonElement element)
        where T : class
    {
        Error(path, $"must be {expected}, not {Describe(element)}");
        return null;
    }

    private T? FailValue<T>(string path, string expected, JsonElement element)
        where T : struct
    {
        Error(path, $"must be {expected}, not {Describe(element)}");
        return null;
    }
}
