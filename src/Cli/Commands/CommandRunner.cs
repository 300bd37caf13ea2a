using System.CommandLine;
using HyperTune.Cli.Api;
using HyperTune.Cli.Output;

namespace HyperTune.Cli.Commands;

/// <summary>
/// Runs a command's action with an API client for <c>--url</c> and <c>--token</c>, and turns its failures into one
/// <c>error:</c> line and an exit code.
/// </summary>
internal sealed class CommandRunner(CliEnvironment environment, Option<string> urlOption, Option<string?> tokenOption)
{
    /// <summary>Sets <paramref name="action"/> as <paramref name="command"/>'s action.</summary>
    public void Bind(Command command, Func<CommandContext, ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, action, cancellationToken));

    /// <summary>Writes one <c>error: …</c> line on stderr.</summary>
    public static void WriteError(CliEnvironment environment, string message)
    {
        var oneLine = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        environment.Error.WriteLine($"error: {oneLine}");
    }

    private async Task<int> RunAsync(
        ParseResult parseResult, Func<CommandContext, ParseResult, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        if (!UrlOption.TryParse(parseResult.GetValue(urlOption), out var address, out var error))
        {
            WriteError(environment, error!);
            return ExitCodes.Usage;
        }

        if (!TokenOption.TryParse(parseResult.GetValue(tokenOption), out var token, out error))
        {
            WriteError(environment, error!);
            return ExitCodes.Usage;
        }

        using var api = HyperTuneApiClient.Create(address!, environment.HttpHandler, token);
        try
        {
            return await action(new CommandContext(api, new Screen(environment), environment.PollInterval), parseResult, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            WriteError(environment, ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }
}
