using System.Text.Json;
using HyperTune.Search.RangeTest;
using HyperTune.Search.Specs.Validation;
using HyperTune.Search.Values;

namespace HyperTune.Search.Specs.Reading;

/// <summary>
/// Reads <c>$.lr_range_test</c>: <c>{"start_lr": 1e-7, "end_lr": 10, "steps": 100, "smoothing": 0.98,
/// "divergence_factor": 4, "skip_start": 10, "skip_end": 5, "set_bounds": true, "config": {"optimizer": "adam"}}</c>,
/// every member optional (<c>{}</c> is every default); JSON null is no range test. Ranges are checked by the
/// validator, names and values of <c>config</c> too.
/// </summary>
internal static class LearningRateRangeTestSpecReader
{
    private static readonly string[] Known =
    [
        "start_lr", "end_lr", "steps", "smoothing", "divergence_factor", "skip_start", "skip_end", "set_bounds", "config",
    ];

    public static LearningRateRangeTestSpec? Read(SpecReadContext context, JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var spec = new LearningRateRangeTestSpec();
        var options = spec.Options;
        foreach (var (name, value, propertyPath) in context.Properties(element, path, Known, "a learning-rate range test"))
        {
            switch (name)
            {
                case "start_lr":
                    options = context.Double(value, propertyPath) is { } start ? options with { StartLearningRate = start } : options;
                    break;
                case "end_lr":
                    options = context.Double(value, propertyPath) is { } end ? options with { EndLearningRate = end } : options;
                    break;
                case "steps":
                    options = context.Int32(value, propertyPath) is { } steps ? options with { Steps = steps } : options;
                    break;
                case "smoothing":
                    options = context.Double(value, propertyPath) is { } beta ? options with { SmoothingBeta = beta } : options;
                    break;
                case "divergence_factor":
                    options = context.Double(value, propertyPath) is { } factor ? options with { DivergenceFactor = factor } : options;
                    break;
                case "skip_start":
                    options = context.Int32(value, propertyPath) is { } skipStart ? options with { SkipStart = skipStart } : options;
                    break;
                case "skip_end":
                    options = context.Int32(value, propertyPath) is { } skipEnd ? options with { SkipEnd = skipEnd } : options;
                    break;
                case "set_bounds":
                    spec = context.Bool(value, propertyPath) is { } setBounds ? spec with { SetBounds = setBounds } : spec;
                    break;
                default:
                    spec = spec with { Config = ReadConfig(context, value, propertyPath) };
                    break;
            }
        }

        return spec with { Options = options };
    }

    /// <summary>An object of hyperparameter name → value, values read like the search space's fixed values.</summary>
    private static TrialConfig ReadConfig(SpecReadContext context, JsonElement element, string path)
    {
        var values = new List<KeyValuePair<string, ParameterValue>>();
        foreach (var (name, value, valuePath) in context.Entries(element, path))
        {
            if (name.Length == 0)
            {
                // A config cannot hold an empty name; report it here, as the validator would any other unknown name.
                context.Errors.AddRange(SearchSpaceCatalogValidator.ValidateName(name, valuePath));
            }
            else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                context.Error(valuePath, $"must be one value (a number, a string or true/false), not {SpecReadContext.Describe(value)}; the range test trains one config");
            }
            else if (SearchSpaceReader.ReadValue(context, name, value, valuePath) is { } read)
            {
                values.Add(KeyValuePair.Create(name, read));
            }
        }

        return new TrialConfig(values);
    }
}
