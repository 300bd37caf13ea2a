using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Algorithms;

/// <summary>Binds <see cref="AlgorithmOptions"/> to an options class one option at a time, so every bad option is reported.</summary>
internal static class OptionsBinder
{
    /// <summary>snake_case names, nulls left out when writing.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = CreateOptions();

    public static TOptions? Bind<TOptions>(AlgorithmOptions options, string path, ICollection<SpecError> errors)
        where TOptions : class, new()
    {
        var typeInfo = SerializerOptions.GetTypeInfo(typeof(TOptions));
        var result = new TOptions();
        var before = errors.Count;
        foreach (var (name, value) in options)
        {
            var optionPath = JsonPaths.Property(path, name);
            var property = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (property?.Set is null)
            {
                var known = typeInfo.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                errors.Add(new SpecError(optionPath, known.Count == 0
                    ? "is not an option; this algorithm takes none"
                    : $"is not an option; known options: {string.Join(", ", known)}"));
                continue;
            }

            try
            {
                property.Set(result, value.Deserialize(property.PropertyType, SerializerOptions));
            }
            catch (JsonException)
            {
                errors.Add(new SpecError(optionPath, $"must be {Describe(property.PropertyType)}, not {SpecText.Shorten(value.GetRawText())}"));
            }
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(result, new ValidationContext(result), results, validateAllProperties: true))
        {
            foreach (var failure in results)
            {
                var member = failure.MemberNames.FirstOrDefault();
                var memberPath = member is null ? path : JsonPaths.Property(path, JsonNamingPolicy.SnakeCaseLower.ConvertName(member));
                errors.Add(new SpecError(memberPath, failure.ErrorMessage ?? "is invalid"));
            }
        }

        return errors.Count == before ? result : null;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(bool) ? "true or false"
            : type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(double) || type == typeof(float) ? "a number"
            : type == typeof(string) ? "a string"
            : type == typeof(TimeSpan) ? "a duration such as \"00:30:00\""
            : "a " + type.Name;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly();
        return options;
    }
}
