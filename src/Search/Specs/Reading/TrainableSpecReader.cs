using System.Text.Json;

namespace HyperTune.Search.Specs.Reading;

/// <summary>Reads <c>$.trainable</c>.</summary>
internal static class TrainableSpecReader
{
    private static readonly string[] Known = ["kind", "seconds_per_epoch"];

    public static TrainableSpec Read(SpecReadContext context, JsonElement element, string path)
    {
        var trainable = new TrainableSpec();
        foreach (var (name, value, propertyPath) in context.Properties(element, path, Known, "a trainable"))
        {
            trainable = name switch
            {
                "kind" => context.String(value, propertyPath) is { } kind ? trainable with { Kind = kind } : trainable,
                _ => context.Double(value, propertyPath) is { } seconds ? trainable with { SecondsPerEpoch = seconds } : trainable,
            };
        }

        return trainable;
    }
}
