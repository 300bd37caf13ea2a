using System.Text.Json;

namespace HyperTune.Search.Specs.Reading;

/// <summary>Reads <c>$.dataset</c>.</summary>
internal static class DatasetSpecReader
{
    private static readonly string[] Known =
    [
        "kind", "path", "label_column", "task", "validation_path", "validation_fraction", "samples", "noise", "classes",
        "features", "seed", "standardize", "missing_values",
    ];

    public static DatasetSpec Read(SpecReadContext context, JsonElement element, string path)
    {
        var dataset = new DatasetSpec();
        foreach (var (name, value, propertyPath) in context.Properties(element, path, Known, "a dataset"))
        {
            dataset = name switch
            {
                "kind" => context.String(value, propertyPath) is { } kind ? dataset with { Kind = kind } : dataset,
                "path" => dataset with { Path = context.String(value, propertyPath, nullable: true) },
                "label_column" => dataset with { LabelColumn = context.String(value, propertyPath, nullable: true) },
                "task" => dataset with { Task = context.Enum<TaskKind>(value, propertyPath, nullable: true) },
                "validation_path" => dataset with { ValidationPath = context.String(value, propertyPath, nullable: true) },
                "validation_fraction" => context.Double(value, propertyPath) is { } f ? dataset with { ValidationFraction = f } : dataset,
                "samples" => context.Int32(value, propertyPath) is { } s ? dataset with { Samples = s } : dataset,
                "noise" => context.Double(value, propertyPath) is { } n ? dataset with { Noise = n } : dataset,
                "classes" => context.Int32(value, propertyPath) is { } c ? dataset with { Classes = c } : dataset,
                "features" => context.Int32(value, propertyPath) is { } fe ? dataset with { Features = fe } : dataset,
                "seed" => context.Int32(value, propertyPath) is { } seed ? dataset with { Seed = seed } : dataset,
                "standardize" => context.Bool(value, propertyPath) is { } st ? dataset with { Standardize = st } : dataset,
                _ => context.Enum<MissingValuePolicy>(value, propertyPath) is { } m ? dataset with { MissingValues = m } : dataset,
            };
        }

        return dataset;
    }
}
