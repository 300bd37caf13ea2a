namespace HyperTune.Cli;

/// <summary>What the CLI runs against: its output streams, whether stdout is a terminal, HTTP and environment.</summary>
public sealed class CliEnvironment
{
    /// <summary>Standard output: answers, tables, the watch display.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: the one <c>error:</c> line of a failure, and the progress of <c>lr-find</c>.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>
    /// True when <see cref="Out"/> is an interactive terminal: tables are drawn and <c>study watch</c> shows a live
    /// display. False (redirected, piped, CI, tests) writes plain lines.
    /// </summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>How often <c>lr-find</c> asks how its range test is doing. Default 0.5 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The HTTP handler to reach the Coordinator with; null for a real network connection.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Reads an environment variable (HYPERTUNE_URL, HYPERTUNE_TOKEN); the process environment unless replaced.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The process's console: a terminal unless standard output is redirected.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OutputIsTerminal = !Console.IsOutputRedirected,
    };
}
