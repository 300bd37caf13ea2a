namespace HyperTune.Cli.Commands;

/// <summary>The formats of <c>GET /api/studies/{id}/export</c>.</summary>
internal static class ExportFormats
{
    public const string Csv = "csv";
    public const string Json = "json";

    public static readonly string[] All = [Csv, Json];

    /// <summary>The format a file name's extension implies, or null.</summary>
    public static string? FromPath(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CSV" => Csv,
        ".JSON" => Json,
        _ => null,
    };

    /// <summary>The format to ask for: the option's, else the output file's extension, else CSV.</summary>
    public static string? Resolve(string? format, string? output) =>
        format is not null ? Normalize(format)
        : output is not null ? FromPath(output)
        : Csv;

    private static string Normalize(string format) =>
        All.FirstOrDefault(f => string.Equals(f, format, StringComparison.OrdinalIgnoreCase)) ?? format;
}
