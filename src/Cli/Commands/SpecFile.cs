using System.Text.Json;
using HyperTune.Cli.Api;

namespace HyperTune.Cli.Commands;

/// <summary>Reads a study spec file: it must exist and be JSON; the server checks the rest.</summary>
internal static class SpecFile
{
    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"spec file '{path}' not found");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read spec file '{path}': {ex.Message}", ExitCodes.Failure, ex);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException($"spec file '{path}' is not valid JSON: {ex.Message}", ExitCodes.Failure, ex);
        }

        return text;
    }
}
