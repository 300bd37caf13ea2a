using System.CommandLine;

namespace HyperTune.Cli.Commands;

/// <summary>The global <c>--token</c> option: the cluster's access token, sent as <c>Authorization: Bearer</c>.</summary>
internal static class TokenOption
{
    /// <summary>The environment variable that gives the token (preferred: a command line is visible to other users).</summary>
    public const string EnvironmentVariable = "HYPERTUNE_TOKEN";

    public static Option<string?> Create(CliEnvironment environment) => new("--token")
    {
        Description = $"The cluster's access token (or set ${EnvironmentVariable}, which other users cannot see in the process list)",
        HelpName = "TOKEN",
        Recursive = true,
        DefaultValueFactory = _ =>
            environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null,
    };

    /// <summary>Reads a token (surrounding spaces dropped; none when empty), or says what is wrong with it — never echoing it.</summary>
    public static bool TryParse(string? text, out string? token, out string? error)
    {
        token = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (token is not null && token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e'))
        {
            token = null;
            error = $"the token holds a space, control or non-ASCII character, which an HTTP header cannot carry (--token or ${EnvironmentVariable})";
            return false;
        }

        error = null;
        return true;
    }
}
