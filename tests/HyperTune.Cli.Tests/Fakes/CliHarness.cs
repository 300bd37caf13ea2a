namespace HyperTune.Cli.Tests.Fakes;

/// <summary>Runs the CLI in-process with plain output against a fake server and a made-up environment.</summary>
internal static class CliHarness
{
    public static Task<CliResult> RunAsync(FakeHyperTuneServer server, params string[] args) =>
        RunAsync(server, new Dictionary<string, string>(), args);

    public static async Task<CliResult> RunAsync(HttpMessageHandler? handler, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            HttpHandler = handler,
            PollInterval = TimeSpan.Zero, // the fake server answers each poll with its next canned status
            GetEnvironmentVariable = name => variables.GetValueOrDefault(name),
        };
        var exitCode = await CliApp.RunAsync(args, environment);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
