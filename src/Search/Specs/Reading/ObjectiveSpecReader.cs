using System.Text.Json;

namespace HyperTune.Search.Specs.Reading;

/// <summary>Reads <c>$.objective</c>: <c>{"metric": "val_accuracy", "direction": "maximize"}</c>; the direction is optional.</summary>
internal static class ObjectiveSpecReader
{
    private static readonly string[] Known = ["metric", "direction"];

    public static ObjectiveSpec Read(SpecReadContext context, JsonElement element, string path)
    {
        string? metric = null;
        OptimizationDirection? direction = null;
        var sawMetric = false;
        foreach (var (name, value, propertyPath) in context.Properties(element, path, Known, "an objective"))
        {
            if (name == "metric")
            {
                sawMetric = true;
                metric = context.String(value, propertyPath);
            }
            else
            {
                direction = context.Enum<OptimizationDirection>(value, propertyPath, nullable: true);
            }
        }

        if (!sawMetric && element.ValueKind == JsonValueKind.Object)
        {
            context.Error(JsonPaths.Property(path, "metric"), "is required");
        }

        var objective = metric is null ? ObjectiveSpec.Default : ObjectiveSpec.For(metric);
        return direction is { } d ? objective with { Direction = d } : objective;
    }
}
