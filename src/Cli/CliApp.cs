using System.CommandLine;
using System.CommandLine.Parsing;
using HyperTune.Cli.Commands;

namespace HyperTune.Cli;

/// <summary>
/// The whole CLI as a function from arguments to an exit code, so that tests run it in-process: 0 on success,
/// 1 when a request was refused or failed, 2 for a wrong command line. A failure writes one <c>error:</c> line on
/// stderr and never a stack trace.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the CLI with plain (non-terminal) output over <paramref name="handler"/>.</summary>
    public static Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliEnvironment { Out = stdout, Error = stderr, HttpHandler = handler }, cancellationToken);

    /// <summary>Runs the CLI in <paramref name="environment"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var root = HyperTuneRootCommand.Create(environment);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            return UsageError(environment, parseResult);
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = environment.Out,
                    Error = environment.Error,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The last line of defence: whatever escaped becomes one error line, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CommandRunner.WriteError(environment, ex.Message);
            return ExitCodes.Failure;
        }
    }

    private static int UsageError(CliEnvironment environment, ParseResult parseResult)
    {
        var messages = parseResult.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? HyperTuneRootCommand.Name : result.Command.Name);
        }

        var command = string.Join(' ', names);
        CommandRunner.WriteError(environment, $"{string.Join("; ", messages)} (see '{command} --help')");
        return ExitCodes.Usage;
    }
}
