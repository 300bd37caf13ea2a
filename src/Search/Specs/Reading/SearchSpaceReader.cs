using System.Text.Json;
using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Spaces;
using HyperTune.Search.Specs.Validation;
using HyperTune.Search.Values;

namespace HyperTune.Search.Specs.Reading;

/// <summary>
/// Reads <c>$.search_space</c>: an object of name → domain, where a domain is an object with a <c>type</c>
/// (uniform, loguniform, int, choice, fixed) or a bare value (fixed). Numbers take the catalog's type of the name.
/// </summary>
internal static class SearchSpaceReader
{
    private static readonly string[] Types = [UniformFloatDomain.Type, LogUniformFloatDomain.Type, IntDomain.Type, CategoricalDomain.Type, FixedDomain.Type];

    public static SearchSpace Read(SpecReadContext context, JsonElement element, string path)
    {
        var parameters = new List<SearchParameter>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value, parameterPath) in context.Entries(element, path))
        {
            // A name the engine does not know is reported once, at its path, and its value not read: a flood of
            // unknown names costs one lookup each, and none of them reaches the later checks of the space.
            if (name.Length > 0 && !HyperparameterCatalog.TryGet(name, out _))
            {
                broken.Add(name);
                context.Errors.Add(parameterPath, () => SearchSpaceCatalogValidator.UnknownName(name));
                continue;
            }

            var before = context.Errors.Count;
            var parameter = ReadParameter(context, name, value, parameterPath);

            // An empty name cannot name a parameter: it is reported as the unknown hyperparameter it is.
            if (parameter is not null && context.Errors.Count == before && name.Length > 0)
            {
                parameters.Add(parameter);
            }
            else
            {
                broken.Add(name);
                foreach (var error in SearchSpaceCatalogValidator.ValidateName(name, parameterPath))
                {
                    context.Errors.Add(error);
                }
            }
        }

        // A condition on a parameter that could not be read is not a problem of its own.
        foreach (var parameter in parameters)
        {
            if (parameter.When is { } when && broken.Contains(when.Parent))
            {
                context.Errors.Suppress(JsonPaths.Property(JsonPaths.Property(path, parameter.Name), "when"));
            }
        }

        return new SearchSpace(parameters);
    }

    private static SearchParameter? ReadParameter(SpecReadContext context, string name, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return ReadDomainObject(context, name, element, path);
            case JsonValueKind.Array:
                context.Error(path, "a list of values is a choice: write {\"type\": \"choice\", \"values\": [...]}");
                return null;
            default:
                return ReadValue(context, name, element, path) is { } value ? new SearchParameter(name, new FixedDomain(value)) : null;
        }
    }

    private static SearchParameter? ReadDomainObject(SpecReadContext context, string name, JsonElement element, string path)
    {
        var typePath = JsonPaths.Property(path, "type");
        if (!element.TryGetProperty("type", out var typeElement))
        {
            context.Error(typePath, $"is required: one of {string.Join(", ", Types)}");
            return null;
        }

        var type = context.String(typeElement, typePath);
        if (type is null)
        {
            return null;
        }

        if (!Types.Contains(type))
        {
            context.Error(typePath, $"must be one of {string.Join(", ", Types)}, not \"{SpecText.Shorten(type)}\"{Suggestions.DidYouMean(type, Types)}");
            return null;
        }

        string[] known = type switch
        {
            IntDomain.Type => ["type", "low", "high", "step", "log", "when"],
            CategoricalDomain.Type => ["type", "values", "when"],
            FixedDomain.Type => ["type", "value", "when"],
            _ => ["type", "low", "high", "when"],
        };

        JsonElement? low = null, high = null, step = null, log = null, values = null, value = null, when = null;
        foreach (var (property, propertyValue, _) in context.Properties(element, path, known, $"a {type} domain"))
        {
            switch (property)
            {
                case "low": low = propertyValue; break;
                case "high": high = propertyValue; break;
                case "step": step = propertyValue; break;
                case "log": log = propertyValue; break;
                case "values": values = propertyValue; break;
                case "value": value = propertyValue; break;
                case "when": when = propertyValue; break;
            }
        }

        var domain = type switch
        {
            UniformFloatDomain.Type or LogUniformFloatDomain.Type => ReadFloatDomain(context, type, low, high, path),
            IntDomain.Type => ReadIntDomain(context, low, high, step, log, path),
            CategoricalDomain.Type => ReadCategorical(context, name, values, path),
            _ => Required(context, value, JsonPaths.Property(path, "value")) is { } v && ReadValue(context, name, v, JsonPaths.Property(path, "value")) is { } fixedValue
                ? new FixedDomain(fixedValue)
                : null,
        };

        var condition = when is { } w ? ReadCondition(context, w, JsonPaths.Property(path, "when")) : null;
        return domain is null || (when is not null && condition is null) ? null : new SearchParameter(name, domain, condition);
    }

    private static ParameterDomain? ReadFloatDomain(SpecReadContext context, string type, JsonElement? low, JsonElement? high, string path)
    {
        var lowValue = Required(context, low, JsonPaths.Property(path, "low")) is { } l ? context.Double(l, JsonPaths.Property(path, "low")) : null;
        var highValue = Required(context, high, JsonPaths.Property(path, "high")) is { } h ? context.Double(h, JsonPaths.Property(path, "high")) : null;
        if (lowValue is not { } lo || highValue is not { } hi)
        {
            return null;
        }

        return type == UniformFloatDomain.Type ? new UniformFloatDomain(lo, hi) : new LogUniformFloatDomain(lo, hi);
    }

    private static IntDomain? ReadIntDomain(SpecReadContext context, JsonElement? low, JsonElement? high, JsonElement? step, JsonElement? log, string path)
    {
        var lowValue = Required(context, low, JsonPaths.Property(path, "low")) is { } l ? context.Int64(l, JsonPaths.Property(path, "low")) : null;
        var highValue = Required(context, high, JsonPaths.Property(path, "high")) is { } h ? context.Int64(h, JsonPaths.Property(path, "high")) : null;
        var stepValue = step is { } s ? context.Int64(s, JsonPaths.Property(path, "step")) : 1;
        var logValue = log is { } g ? context.Bool(g, JsonPaths.Property(path, "log")) : false;
        return lowValue is { } lo && highValue is { } hi && stepValue is { } st && logValue is { } lg ? new IntDomain(lo, hi, st, lg) : null;
    }

    private static CategoricalDomain? ReadCategorical(SpecReadContext context, string name, JsonElement? values, string path)
    {
        var valuesPath = JsonPaths.Property(path, "values");
        if (Required(context, values, valuesPath) is not { } list)
        {
            return null;
        }

        var read = ReadValueList(context, name, list, valuesPath);
        return read is null ? null : new CategoricalDomain(read);
    }

    private static ParameterCondition? ReadCondition(SpecReadContext context, JsonElement element, string path)
    {
        if (!context.IsObject(element, path))
        {
            return null;
        }

        var entries = context.Entries(element, path).ToList();
        if (entries.Count != 1)
        {
            context.Error(path, "must name exactly one parent, e.g. {\"schedule\": [\"step\", \"exponential\"]}");
            return null;
        }

        var (parent, valuesElement, parentPath) = entries[0];
        var values = valuesElement.ValueKind == JsonValueKind.Array
            ? ReadValueList(context, parent, valuesElement, parentPath)
            : ReadValue(context, parent, valuesElement, parentPath) is { } single ? [single] : null;
        return values is null ? null : new ParameterCondition(parent, values);
    }

    private static List<ParameterValue>? ReadValueList(SpecReadContext context, string name, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            context.Error(path, $"must be an array of values, not {SpecReadContext.Describe(element)}");
            return null;
        }

        var values = new List<ParameterValue>();
        var ok = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (ReadValue(context, name, item, JsonPaths.Index(path, index)) is { } value)
            {
                values.Add(value);
            }
            else
            {
                ok = false;
            }

            index++;
        }

        return ok ? values : null;
    }

    /// <summary>
    /// A hyperparameter value (number, string or bool) with the catalog's type of <paramref name="name"/>; null, and
    /// reported, for anything else. Fixed values here and the range test's <c>config</c> read with it.
    /// </summary>
    public static ParameterValue? ReadValue(SpecReadContext context, string name, JsonElement element, string path)
    {
        if (ParameterValueJsonConverter.TryReadValue(element, out var value))
        {
            return CatalogCoercion.Coerce(name, value);
        }

        context.Error(path, $"must be a number, a string or true/false, not {SpecReadContext.Describe(element)}");
        return null;
    }

    private static JsonElement? Required(SpecReadContext context, JsonElement? element, string path)
    {
        if (element is null)
        {
            context.Error(path, "is required");
        }

        return element;
    }
}
