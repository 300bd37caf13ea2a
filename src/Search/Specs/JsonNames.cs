using System.Text.Json;

namespace HyperTune.Search.Specs;

/// <summary>The snake_case names of enum values in spec JSON: <c>drop_row</c>, <c>maximize</c>, <c>regression</c>.</summary>
internal static class JsonNames
{
    /// <summary>The JSON name of an enum value.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Every JSON name of an enum.</summary>
    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of);
}
