using HyperTune.Search.Hyperparameters;
using HyperTune.Search.Spaces;
using HyperTune.Search.Values;

namespace HyperTune.Search.Specs.Validation;

/// <summary>
/// Checks a search space against the engine's <see cref="HyperparameterCatalog"/>: known names, a domain type that
/// fits the hyperparameter's type, and every bound and value inside its legal range.
/// </summary>
internal static class SearchSpaceCatalogValidator
{
    private const string Path = "$.search_space";

    public static IEnumerable<SpecError> Validate(SearchSpace space)
    {
        foreach (var parameter in space.Parameters)
        {
            var path = JsonPaths.Property(Path, parameter.Name);
            if (!HyperparameterCatalog.TryGet(parameter.Name, out var definition))
            {
                foreach (var error in ValidateName(parameter.Name, path))
                {
                    yield return error;
                }

                continue;
            }

            foreach (var error in ValidateDomain(definition, parameter, path))
            {
                yield return error;
            }
        }
    }

    private static readonly string[] CatalogNames = [.. HyperparameterCatalog.All.Select(d => d.Name)];

    private static readonly string KnownNames =
        $"known: {string.Join(", ", CatalogNames)}, hidden_units_1..{HyperparameterNames.MaxHiddenLayers}";

    /// <summary>An error when the catalog does not know <paramref name="name"/>.</summary>
    public static IEnumerable<SpecError> ValidateName(string name, string path)
    {
        if (!HyperparameterCatalog.TryGet(name, out _))
        {
            yield return new SpecError(path, UnknownName(name));
        }
    }

    /// <summary>The message for a name the catalog does not know, with a "did you mean" and the known names.</summary>
    public static string UnknownName(string name) =>
        $"unknown hyperparameter '{SpecText.Shorten(name)}'{Suggestions.DidYouMean(name, CatalogNames)}; {KnownNames}";

    /// <summary>
    /// Errors of one value given for hyperparameter <paramref name="name"/> (as a fixed value is): an unknown name, or a
    /// value of the wrong type or out of the catalog's range.
    /// </summary>
    public static IEnumerable<SpecError> ValidateValue(string name, ParameterValue value, string path)
    {
        if (!HyperparameterCatalog.TryGet(name, out var definition))
        {
            return ValidateName(name, path);
        }

        return Check(definition, value) is { } message ? [new SpecError(path, message)] : [];
    }

    private static IEnumerable<SpecError> ValidateDomain(HyperparameterDefinition definition, SearchParameter parameter, string path)
    {
        var name = parameter.Name;
        switch (parameter.Domain)
        {
            case UniformFloatDomain or LogUniformFloatDomain when definition.Kind != HyperparameterKind.Float:
                yield return new SpecError(path, $"'{name}' {Describe(definition)}; a {parameter.Domain.TypeName} domain gives real numbers");
                break;
            case UniformFloatDomain u:
                foreach (var error in CheckBounds(definition, path, u.Low, u.High))
                {
                    yield return error;
                }

                break;
            case LogUniformFloatDomain l:
                foreach (var error in CheckBounds(definition, path, l.Low, l.High))
                {
                    yield return error;
                }

                break;
            case IntDomain when definition.Kind != HyperparameterKind.Int:
                yield return new SpecError(path, $"'{name}' {Describe(definition)}; an int domain gives whole numbers");
                break;
            case IntDomain i:
                foreach (var error in CheckBounds(definition, path, i.Low, i.High))
                {
                    yield return error;
                }

                break;
            case CategoricalDomain c:
                var valuesPath = JsonPaths.Property(path, "values");
                for (var k = 0; k < c.Values.Count; k++)
                {
                    if (Check(definition, c.Values[k]) is { } message)
                    {
                        yield return new SpecError(JsonPaths.Index(valuesPath, k), message);
                    }
                }

                break;
            case FixedDomain f:
                if (Check(definition, f.Value) is { } fixedMessage)
                {
                    yield return new SpecError(parameter.When is null ? path : JsonPaths.Property(path, "value"), fixedMessage);
                }

                break;
        }
    }

    private static IEnumerable<SpecError> CheckBounds(HyperparameterDefinition definition, string path, double low, double high)
    {
        if (double.IsFinite(low) && definition.Check(low) is { } lowMessage)
        {
            yield return new SpecError(JsonPaths.Property(path, "low"), lowMessage);
        }

        if (double.IsFinite(high) && definition.Check(high) is { } highMessage)
        {
            yield return new SpecError(JsonPaths.Property(path, "high"), highMessage);
        }
    }

    private static string? Check(HyperparameterDefinition definition, ParameterValue value)
    {
        if (definition.Kind == HyperparameterKind.Float && !value.IsNumber)
        {
            return $"must be a number, not {Quote(value)}";
        }

        if (definition.Kind == HyperparameterKind.Int && value.Kind != ParameterValueKind.Int)
        {
            return $"must be a whole number, not {Quote(value)}";
        }

        return definition.Check(value.ToObject());
    }

    private static string Quote(ParameterValue value) => value.Kind == ParameterValueKind.String ? $"\"{value}\"" : value.ToString();

    private static string Describe(HyperparameterDefinition definition) => definition.Kind switch
    {
        HyperparameterKind.Float => "is a real number; use uniform, loguniform or a choice of numbers",
        HyperparameterKind.Int => "is a whole number; use int or a choice of whole numbers",
        HyperparameterKind.Choice => $"is one of {string.Join(", ", definition.Choices)}; use a choice",
        _ => "is true or false; use a choice of [true, false]",
    };
}
