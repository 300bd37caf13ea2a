using System.CommandLine;

namespace HyperTune.Cli.Commands;

/// <summary>The global <c>--url</c> option: the Coordinator's address.</summary>
internal static class UrlOption
{
    /// <summary>The environment variable that gives the default address.</summary>
    public const string EnvironmentVariable = "HYPERTUNE_URL";

    /// <summary>The address when neither the option nor the environment variable gives one.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static Option<string> Create(CliEnvironment environment) => new("--url")
    {
        Description = $"The HyperTune Coordinator's address (or set ${EnvironmentVariable})",
        HelpName = "URL",
        Recursive = true,
        DefaultValueFactory = _ =>
            environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultUrl,
    };

    /// <summary>Reads an absolute http(s) address, or says what is wrong with it.</summary>
    public static bool TryParse(string? text, out Uri? address, out string? error)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out address) && address.Scheme is "http" or "https")
        {
            error = null;
            return true;
        }

        address = null;
        error = $"'{text}' is not an http or https address (--url or ${EnvironmentVariable})";
        return false;
    }
}
