namespace HyperTune.Cli.Tests.Fakes;

/// <summary>What a run of the CLI left: its exit code, stdout and stderr.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Lines(Out);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    /// <summary>The one <c>error:</c> line of a failure; fails unless stderr is exactly that.</summary>
    public string SingleErrorLine
    {
        get
        {
            var line = Assert.Single(ErrorLines);
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            return line;
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}
